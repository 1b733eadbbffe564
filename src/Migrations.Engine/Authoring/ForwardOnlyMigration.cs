using Migrations.Engine.Builders;

namespace Migrations.Engine;

/// <summary>A migration that cannot be undone. Rolling back across it is refused before anything runs.</summary>
public abstract class ForwardOnlyMigration : Migration
{
    public sealed override void Down()
    {
    }

    public sealed override void GetDownExpressions(IMigrationContext context) =>
        throw new IrreversibleMigrationException(
            $"{context.MigrationName} is a forward-only migration and cannot be rolled back.");
}
