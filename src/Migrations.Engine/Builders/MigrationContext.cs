using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>Collects the builders of one Up() or Down() call and turns them into expressions in call order.</summary>
public sealed class MigrationContext : IMigrationContext
{
    private readonly List<IExpressionBuilder> _builders = [];

    private readonly List<string> _messages;

    public MigrationContext(string databaseType, IQuerySchema querySchema, string migrationName, IReadOnlyList<string>? databaseTypeNames = null, RunSettings? run = null)
        : this(databaseType, querySchema, migrationName, databaseTypeNames, run, [])
    {
    }

    private MigrationContext(string databaseType, IQuerySchema querySchema, string migrationName, IReadOnlyList<string>? databaseTypeNames, RunSettings? run, List<string> messages)
    {
        DatabaseType = databaseType;
        QuerySchema = querySchema;
        MigrationName = migrationName;
        DatabaseTypeNames = databaseTypeNames ?? [databaseType];
        Run = run ?? RunSettings.None;
        _messages = messages;
    }

    public RunSettings Run { get; }

    /// <summary>The lines the migration asked to log, in order.</summary>
    public IReadOnlyList<string> Messages => _messages;

    public void Log(string message) => _messages.Add(message);

    public string DatabaseType { get; }

    public IReadOnlyList<string> DatabaseTypeNames { get; }

    public IQuerySchema QuerySchema { get; }

    public string MigrationName { get; }

    public void Add(IExpressionBuilder builder) => _builders.Add(builder);

    public void Add(MigrationExpression expression) => _builders.Add(new FixedExpression(expression));

    public IReadOnlyList<MigrationExpression> BuildExpressions() => _builders.SelectMany(b => b.Build()).ToArray();

    /// <summary>A context for the branch of an <c>IfDatabase</c>, sharing this one's database and schema queries.</summary>
    public static MigrationContext ChildOf(IMigrationContext parent) =>
        new(parent.DatabaseType, parent.QuerySchema, parent.MigrationName, parent.DatabaseTypeNames, parent.Run,
            parent is MigrationContext context ? context._messages : []);

    private sealed class FixedExpression(MigrationExpression expression) : IExpressionBuilder
    {
        public IEnumerable<MigrationExpression> Build() => [expression];
    }
}
