using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Builders;

/// <summary>
/// Primary key, unique and CHECK constraints, created or deleted:
/// <c>Create.PrimaryKey([name]).OnTable(t).WithSchema(s).Columns(...)</c>,
/// <c>Create.CheckConstraint(name).OnTable(t).Expression("...")</c>,
/// <c>Delete.UniqueConstraint(name).FromTable(t)</c>.
/// </summary>
public sealed class ConstraintBuilder(ConstraintKind kind, string? name, bool delete) : IExpressionBuilder
{
    private ConstraintDefinition _constraint = new() { Kind = kind, Name = name, TableName = "" };

    public ConstraintBuilder OnTable(string tableName) => Set(c => c with { TableName = tableName });

    public ConstraintBuilder FromTable(string tableName) => OnTable(tableName);

    /// <summary>FluentMigrator spells it WithSchema on Create.PrimaryKey/UniqueConstraint and InSchema elsewhere; both work.</summary>
    public ConstraintBuilder WithSchema(string schemaName) => Set(c => c with { SchemaName = schemaName });

    public ConstraintBuilder InSchema(string schemaName) => WithSchema(schemaName);

    public ConstraintBuilder Column(string column) => Set(c => c with { Columns = [.. c.Columns, column] });

    public ConstraintBuilder Columns(params string[] columns) => Set(c => c with { Columns = [.. c.Columns, .. columns] });

    /// <summary>The boolean SQL expression of a CHECK constraint.</summary>
    public ConstraintBuilder Expression(string checkSql) => Set(c => c with { CheckExpression = checkSql });

    private ConstraintBuilder Set(Func<ConstraintDefinition, ConstraintDefinition> change)
    {
        _constraint = change(_constraint);
        return this;
    }

    public IEnumerable<MigrationExpression> Build() =>
        [delete ? new DeleteConstraintExpression(_constraint) : new CreateConstraintExpression(_constraint)];
}
