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

    /// <summary>Whether building it asked the database whether something exists (so a later build may differ).</summary>
    public bool AskedTheDatabase { get; private set; }

    /// <summary>Builds the Up (or Down) expressions against <paramref name="querySchema"/>, once.</summary>
    public IReadOnlyList<IMigrationExpression> Build(bool up, IQuerySchema querySchema, IServiceProvider services, string connectionString)
    {
        if ((up ? _up : _down) is { } built)
        {
            return built;
        }

        // Only a real processor is watched; the neutral one of a checksum build answers "no" without a database.
        SchemaQueryRecorder? recorder = null;
        var watched = querySchema;
        if (querySchema is IMigrationProcessor processor and not NeutralQuerySchema)
        {
            (watched, recorder) = SchemaQueryRecorder.Wrap(processor);
        }

        var context = new MigrationContext(watched, services, connectionString);
        try
        {
            if (up)
            {
                migration.GetUpExpressions(context);
                return _up = context.Expressions.ToArray();
            }

            migration.GetDownExpressions(context);
            return _down = context.Expressions.ToArray();
        }
        finally
        {
            AskedTheDatabase |= recorder?.Asked ?? false;
        }
    }

    /// <summary>Puts <paramref name="expressions"/> before the built Up (or Down) ones, for this run only (the checksum is over a build of its own).</summary>
    public void Prepend(bool up, IReadOnlyList<IMigrationExpression> expressions)
    {
        var built = (up ? _up : _down) ?? throw new InvalidOperationException("a migration is built before anything is put before it");
        if (up)
        {
            _up = [.. expressions, .. built];
        }
        else
        {
            _down = [.. expressions, .. built];
        }
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
