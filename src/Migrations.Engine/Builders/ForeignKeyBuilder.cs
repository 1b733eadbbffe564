using System.Data;
using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary>
/// <c>Create.ForeignKey([name]).FromTable(t).ForeignColumn(c).ToTable(p).PrimaryColumn(k).OnDelete(rule)</c>,
/// and the same chain for <c>Delete.ForeignKey()</c> (the form that can be reversed), or
/// <c>Delete.ForeignKey(name).OnTable(t)</c>.
/// </summary>
public sealed class ForeignKeyBuilder(string? name, bool delete) : IExpressionBuilder
{
    private ForeignKeyDefinition _fk = new() { Name = name, ForeignTable = "", PrimaryTable = "" };

    public ForeignKeyBuilder FromTable(string tableName) => Set(fk => fk with { ForeignTable = tableName });

    /// <summary>For <c>Delete.ForeignKey(name).OnTable(t)</c>.</summary>
    public ForeignKeyBuilder OnTable(string tableName) => FromTable(tableName);

    public ForeignKeyBuilder InSchema(string schemaName) =>
        _fk.PrimaryTable.Length == 0
            ? Set(fk => fk with { ForeignTableSchema = schemaName })
            : Set(fk => fk with { PrimaryTableSchema = schemaName });

    public ForeignKeyBuilder ForeignColumn(string column) => Set(fk => fk with { ForeignColumns = [column] });

    public ForeignKeyBuilder ForeignColumns(params string[] columns) => Set(fk => fk with { ForeignColumns = columns });

    public ForeignKeyBuilder ToTable(string tableName) => Set(fk => fk with { PrimaryTable = tableName });

    public ForeignKeyBuilder PrimaryColumn(string column) => Set(fk => fk with { PrimaryColumns = [column] });

    public ForeignKeyBuilder PrimaryColumns(params string[] columns) => Set(fk => fk with { PrimaryColumns = columns });

    public ForeignKeyBuilder OnDelete(Rule rule) => OnDelete(RuleMapping.From(rule));

    public ForeignKeyBuilder OnDelete(ForeignKeyRule rule) => Set(fk => fk with { OnDelete = rule });

    public ForeignKeyBuilder OnUpdate(Rule rule) => OnUpdate(RuleMapping.From(rule));

    public ForeignKeyBuilder OnUpdate(ForeignKeyRule rule) => Set(fk => fk with { OnUpdate = rule });

    public ForeignKeyBuilder OnDeleteOrUpdate(Rule rule) => OnDelete(rule).OnUpdate(rule);

    public ForeignKeyBuilder OnDeleteOrUpdate(ForeignKeyRule rule) => OnDelete(rule).OnUpdate(rule);

    private ForeignKeyBuilder Set(Func<ForeignKeyDefinition, ForeignKeyDefinition> change)
    {
        _fk = change(_fk);
        return this;
    }

    public IEnumerable<MigrationExpression> Build()
    {
        // A primary table without its own schema lives in the foreign table's schema.
        var fk = _fk with { PrimaryTableSchema = _fk.PrimaryTableSchema ?? _fk.ForeignTableSchema };
        return [delete ? new DeleteForeignKeyExpression(fk) : new CreateForeignKeyExpression(fk)];
    }
}
