using Migrations.Engine.Builders;
using Migrations.Engine.Expressions;

namespace Migrations.Engine;

/// <summary>
/// Down is the reverse of Up: each expression reversed, in reverse order. Unlike FluentMigrator,
/// an Up that holds an expression without a reverse is rejected when the migration is loaded,
/// not halfway through a rollback (FluentMigrator issue #439).
/// </summary>
public abstract class AutoReversingMigration : MigrationBase
{
    public sealed override void Down()
    {
    }

    public sealed override void GetDownExpressions(IMigrationContext context)
    {
        var up = new MigrationContext(context.DatabaseType, context.QuerySchema, context.MigrationName, context.DatabaseTypeNames, context.Run);
        GetUpExpressions(up);
        foreach (var expression in up.BuildExpressions().Reverse())
        {
            var reverse = expression.Reverse()
                ?? throw new IrreversibleMigrationException(
                    $"{context.MigrationName}: {expression.Describe()} cannot be reversed automatically; " +
                    "derive from Migration and write Down() instead.");
            context.Add(reverse);
        }
    }
}
