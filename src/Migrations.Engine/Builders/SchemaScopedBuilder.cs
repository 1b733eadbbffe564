using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>
/// The delete builders that only take an optional schema (and, for some, a table):
/// <c>Delete.Table(t).InSchema(s).IfExists()</c>, <c>Delete.Sequence(n)</c>, <c>Delete.Enum(n)</c>,
/// <c>Delete.Index(n).OnTable(t)</c>, <c>Delete.DefaultConstraint().OnTable(t).OnColumn(c)</c>.
/// </summary>
public sealed class SchemaScopedBuilder(Func<SchemaScopedBuilder, MigrationExpression> build) : IExpressionBuilder
{
    public string? Schema { get; private set; }

    public string? Table { get; private set; }

    public string? Column { get; private set; }

    public bool IfExistsRequested { get; private set; }

    public SchemaScopedBuilder InSchema(string schemaName)
    {
        Schema = schemaName;
        return this;
    }

    public SchemaScopedBuilder OnTable(string tableName)
    {
        Table = tableName;
        return this;
    }

    public SchemaScopedBuilder OnColumn(string columnName)
    {
        Column = columnName;
        return this;
    }

    public SchemaScopedBuilder IfExists()
    {
        IfExistsRequested = true;
        return this;
    }

    public IEnumerable<MigrationExpression> Build() => [build(this)];
}
