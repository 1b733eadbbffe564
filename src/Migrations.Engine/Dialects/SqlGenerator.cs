using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects;

/// <summary>
/// Turns expressions into SQL text. The base writes the forms PostgreSQL and SQLite share; each
/// dialect overrides only what differs, and throws <see cref="UnsupportedOperationException"/>
/// (through <see cref="Unsupported"/>) for what it cannot do.
/// </summary>
public abstract partial class SqlGenerator(SqlQuoter quoter)
{
    public SqlQuoter Quoter { get; } = quoter;

    /// <summary>The dialect's name in error messages.</summary>
    protected abstract string DialectName { get; }

    public IReadOnlyList<SqlStatement> Generate(MigrationExpression expression) => expression switch
    {
        CreateSchemaExpression e => CreateSchema(e),
        DeleteSchemaExpression e => DeleteSchema(e),
        CreateTableExpression e => CreateTable(e),
        DeleteTableExpression e => [$"DROP TABLE {(e.IfExists ? "IF EXISTS " : "")}{Table(e.SchemaName, e.TableName)}"],
        RenameTableExpression e => [$"ALTER TABLE {Table(e.SchemaName, e.OldName)} RENAME TO {Quoter.Quote(e.NewName)}"],
        CreateColumnExpression e => CreateColumn(e),
        AlterColumnExpression e => AlterColumn(e),
        DeleteColumnExpression e => e.ColumnNames.Select(c => (SqlStatement)$"ALTER TABLE {Table(e.SchemaName, e.TableName)} DROP COLUMN {Quoter.Quote(c)}").ToArray(),
        RenameColumnExpression e => [$"ALTER TABLE {Table(e.SchemaName, e.TableName)} RENAME COLUMN {Quoter.Quote(e.OldName)} TO {Quoter.Quote(e.NewName)}"],
        DeleteDefaultConstraintExpression e => DeleteDefault(e),
        CreateIndexExpression e => [CreateIndex(e.Index)],
        DeleteIndexExpression e => [DeleteIndex(e)],
        CreateForeignKeyExpression e => CreateForeignKey(e),
        DeleteForeignKeyExpression e => DeleteForeignKey(e),
        CreateConstraintExpression e => CreateConstraint(e),
        DeleteConstraintExpression e => DeleteConstraint(e),
        CreateSequenceExpression e => CreateSequence(e),
        DeleteSequenceExpression e => DeleteSequence(e),
        CreateEnumExpression e => CreateEnum(e),
        DeleteEnumExpression e => DeleteEnum(e),
        InsertDataExpression e => InsertData(e),
        UpdateDataExpression e => [UpdateData(e)],
        DeleteDataExpression e => DeleteData(e),
        ExecuteSqlExpression e => [e.Sql],
        _ => throw new NotSupportedException($"{DialectName}: no SQL for {expression.GetType().Name}; the runner resolves it first."),
    };

    /// <summary>A table reference as this dialect writes it.</summary>
    public string Table(string? schema, string table) => Quoter.QuoteQualified(schema, table);

    protected UnsupportedOperationException Unsupported(string operation, string why) =>
        new($"{DialectName} does not support {operation}: {why}");

    protected virtual IReadOnlyList<SqlStatement> CreateSchema(CreateSchemaExpression e) =>
        throw Unsupported(e.Describe(), "it has no schemas; wrap the step in IfDatabase(\"postgres\")");

    protected virtual IReadOnlyList<SqlStatement> DeleteSchema(DeleteSchemaExpression e) =>
        throw Unsupported(e.Describe(), "it has no schemas; wrap the step in IfDatabase(\"postgres\")");

    protected virtual IReadOnlyList<SqlStatement> CreateTable(CreateTableExpression e)
    {
        var parts = e.Columns.Select(c => ColumnSql(e.TableName, c, inCreateTable: true)).ToList();
        var primaryKey = e.PrimaryKeyColumns;
        if (primaryKey.Count > 0 && !InlinesPrimaryKey(primaryKey))
        {
            parts.Add($"CONSTRAINT {Quoter.Quote(e.PrimaryKeyName)} PRIMARY KEY ({ColumnList(primaryKey.Select(c => c.Name))})");
        }

        parts.AddRange(e.Columns.Where(c => c.ForeignKey is not null).Select(c => ForeignKeyClause(c.ForeignKey!)));
        var ifNotExists = e.IfNotExists ? "IF NOT EXISTS " : "";
        var statements = new List<SqlStatement> { $"CREATE TABLE {ifNotExists}{Table(e.SchemaName, e.TableName)} ({string.Join(", ", parts)})" };
        statements.AddRange(Descriptions(e));
        return statements;
    }

    /// <summary>True when the dialect writes this primary key inside the column (SQLite's INTEGER PRIMARY KEY AUTOINCREMENT).</summary>
    protected virtual bool InlinesPrimaryKey(IReadOnlyList<ColumnDefinition> primaryKey) => false;

    /// <summary>Table and column comments; dialects without comments write none.</summary>
    protected virtual IEnumerable<SqlStatement> Descriptions(CreateTableExpression e) => [];

    protected virtual IReadOnlyList<SqlStatement> CreateColumn(CreateColumnExpression e) =>
        [$"ALTER TABLE {Table(e.SchemaName, e.TableName)} ADD COLUMN {ColumnSql(e.TableName, e.Column, inCreateTable: false)}"];

    protected abstract IReadOnlyList<SqlStatement> AlterColumn(AlterColumnExpression e);

    protected abstract IReadOnlyList<SqlStatement> DeleteDefault(DeleteDefaultConstraintExpression e);

    protected abstract IReadOnlyList<SqlStatement> CreateForeignKey(CreateForeignKeyExpression e);

    protected abstract IReadOnlyList<SqlStatement> DeleteForeignKey(DeleteForeignKeyExpression e);

    protected abstract IReadOnlyList<SqlStatement> CreateConstraint(CreateConstraintExpression e);

    protected abstract IReadOnlyList<SqlStatement> DeleteConstraint(DeleteConstraintExpression e);

    protected virtual IReadOnlyList<SqlStatement> CreateSequence(CreateSequenceExpression e) =>
        throw Unsupported(e.Describe(), "it has no sequences; wrap the step in IfDatabase(\"postgres\")");

    protected virtual IReadOnlyList<SqlStatement> DeleteSequence(DeleteSequenceExpression e) =>
        throw Unsupported(e.Describe(), "it has no sequences; wrap the step in IfDatabase(\"postgres\")");

    protected abstract IReadOnlyList<SqlStatement> CreateEnum(CreateEnumExpression e);

    protected abstract IReadOnlyList<SqlStatement> DeleteEnum(DeleteEnumExpression e);

    protected abstract string CreateIndex(IndexDefinition index);

    protected abstract string DeleteIndex(DeleteIndexExpression e);

    /// <summary>One column as written in CREATE TABLE or ADD COLUMN.</summary>
    public abstract string ColumnSql(string table, ColumnDefinition column, bool inCreateTable);

    /// <summary>The column's type in this dialect.</summary>
    public abstract string TypeSql(ColumnType type);

    public string ForeignKeyClause(ForeignKeyDefinition fk)
    {
        var clause = $"CONSTRAINT {Quoter.Quote(fk.EffectiveName)} FOREIGN KEY ({ColumnList(fk.ForeignColumns)}) " +
                     $"REFERENCES {ReferencedTable(fk)} ({ColumnList(fk.PrimaryColumns)})";
        if (fk.OnDelete != ForeignKeyRule.NoAction)
        {
            clause += " ON DELETE " + RuleSql(fk.OnDelete);
        }

        if (fk.OnUpdate != ForeignKeyRule.NoAction)
        {
            clause += " ON UPDATE " + RuleSql(fk.OnUpdate);
        }

        return clause;
    }

    /// <summary>The referenced table; SQLite cannot qualify it with a schema.</summary>
    protected virtual string ReferencedTable(ForeignKeyDefinition fk) => Table(fk.PrimaryTableSchema, fk.PrimaryTable);

    protected static string RuleSql(ForeignKeyRule rule) => rule switch
    {
        ForeignKeyRule.Restrict => "RESTRICT",
        ForeignKeyRule.Cascade => "CASCADE",
        ForeignKeyRule.SetNull => "SET NULL",
        ForeignKeyRule.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    public string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quoter.Quote));

    protected string IndexColumns(IndexDefinition index) =>
        string.Join(", ", index.Columns.Select(c => $"{Quoter.Quote(c.Name)} {(c.Descending ? "DESC" : "ASC")}"));

    protected string EnumCheck(string column, ColumnType type) =>
        $"CHECK ({Quoter.Quote(column)} IN ({string.Join(", ", type.EnumValues.Select(Quoter.QuoteString))}))";
}
