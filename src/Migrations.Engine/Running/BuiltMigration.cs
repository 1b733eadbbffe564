using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;

namespace Migrations.Engine.Running;

/// <summary>
/// A migration built once per run: the guard measures the expressions it built against the live
/// database, and when FluentMigrator's runner later asks for them it gets the same expressions,
/// not a second build (which could differ, for a migration that asks <c>Schema.Exists()</c>).
/// </summary>
public sealed class BuiltMigration(IMigration migration) : IMigration
{
    private IReadOnlyList<IMigrationExpression>? _up;
    private IReadOnlyList<IMigrationExpression>? _down;

    public string ConnectionString => migration.ConnectionString;

    public IMigration Inner => migration;

    /// <summary>Builds the Up (or Down) expressions against <paramref name="querySchema"/>, once.</summary>
    public IReadOnlyList<IMigrationExpression> Build(bool up, IQuerySchema querySchema, IServiceProvider services, string connectionString)
    {
        if ((up ? _up : _down) is { } built)
        {
            return built;
        }

        var context = new MigrationContext(querySchema, services, connectionString);
        if (up)
        {
            migration.GetUpExpressions(context);
            return _up = context.Expressions.ToArray();
        }

        migration.GetDownExpressions(context);
        return _down = context.Expressions.ToArray();
    }

    public void GetUpExpressions(IMigrationContext context) => Replay(context, _up, migration.GetUpExpressions);

    public void GetDownExpressions(IMigrationContext context) => Replay(context, _down, migration.GetDownExpressions);

    private static void Replay(IMigrationContext context, IReadOnlyList<IMigrationExpression>? built, Action<IMigrationContext> build)
    {
        if (built is null)
        {
            build(context);
            return;
        }

        foreach (var expression in built)
        {
            context.Expressions.Add(expression);
        }
    }
}
