using System.Text;
using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects.Sqlite;

/// <summary>
/// SQLite SQL for what SQLite does in place. Changes it cannot make in place (altering a column,
/// adding or dropping a foreign key, check or primary key) are planned by
/// <see cref="SqliteTableRebuilder"/> from the live table; asked here, they throw.
/// </summary>
public sealed class SqliteGenerator() : SqlGenerator(new SqliteQuoter())
{
    protected override string DialectName => "SQLite";

    protected override bool InlinesPrimaryKey(IReadOnlyList<ColumnDefinition> primaryKey) => primaryKey is [{ IsIdentity: true }];

    // FK clauses cannot name a schema in SQLite.
    protected override string ReferencedTable(ForeignKeyDefinition fk) => Quoter.Quote(fk.PrimaryTable);

    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnExpression e) => throw NeedsRebuild(e);

    protected override IReadOnlyList<SqlStatement> DeleteDefault(DeleteDefaultConstraintExpression e) => throw NeedsRebuild(e);

    protected override IReadOnlyList<SqlStatement> CreateForeignKey(CreateForeignKeyExpression e) => throw NeedsRebuild(e);

    protected override IReadOnlyList<SqlStatement> DeleteForeignKey(DeleteForeignKeyExpression e) => throw NeedsRebuild(e);

    // A unique constraint is a unique index in SQLite, created and dropped in place (as FluentMigrator does).
    protected override IReadOnlyList<SqlStatement> CreateConstraint(CreateConstraintExpression e) =>
        e.Constraint.Kind == ConstraintKind.Unique
            ? [$"CREATE UNIQUE INDEX {Quoter.Quote(e.Constraint.EffectiveName)} ON {Quoter.Quote(e.Constraint.TableName)} ({ColumnList(e.Constraint.Columns)})"]
            : throw NeedsRebuild(e);

    protected override IReadOnlyList<SqlStatement> DeleteConstraint(DeleteConstraintExpression e) =>
        e.Constraint.Kind == ConstraintKind.Unique ? [$"DROP INDEX {Quoter.Quote(e.Constraint.EffectiveName)}"] : throw NeedsRebuild(e);

    // Enum types do not exist in SQLite: each column of one carries a CHECK over the values instead.
    protected override IReadOnlyList<SqlStatement> CreateEnum(CreateEnumExpression e) => [];

    protected override IReadOnlyList<SqlStatement> DeleteEnum(DeleteEnumExpression e) => [];

    protected override string CreateIndex(IndexDefinition index)
    {
        // CONCURRENTLY has no meaning here: SQLite builds every index under its write lock.
        var unique = index.IsUnique ? "UNIQUE " : "";
        var sql = $"CREATE {unique}INDEX {Quoter.Quote(index.EffectiveName)} ON {Quoter.Quote(index.TableName)} ({IndexColumns(index)})";
        return index.Filter is null ? sql : $"{sql} WHERE {index.Filter}";
    }

    protected override string DeleteIndex(DeleteIndexExpression e) => $"DROP INDEX {Quoter.Quote(e.IndexName)}";

    private UnsupportedOperationException NeedsRebuild(MigrationExpression e) =>
        Unsupported(e.Describe(), "it needs a table rebuild, which the SQLite processor plans from the live table");

    public override string ColumnSql(string table, ColumnDefinition column, bool inCreateTable)
    {
        if (column.IsIdentity && !(column.IsPrimaryKey && inCreateTable))
        {
            throw Unsupported($"identity column \"{table}\".\"{column.Name}\"", "only a single INTEGER PRIMARY KEY can auto-increment");
        }

        var sql = new StringBuilder(Quoter.Quote(column.Name)).Append(' ').Append(TypeSql(column.Type!));
        if (column.Type!.Collation is { } collation)
        {
            sql.Append(" COLLATE ").Append(collation);
        }

        if (!column.EffectiveNullable)
        {
            sql.Append(" NOT NULL");
        }

        if (column.IsIdentity)
        {
            sql.Append(" PRIMARY KEY AUTOINCREMENT");
        }

        if (column.Default is { } columnDefault)
        {
            sql.Append(" DEFAULT ").Append(DefaultSql(columnDefault));
        }

        if (column.ComputedExpression is { } computed)
        {
            sql.Append(" GENERATED ALWAYS AS (").Append(computed).Append(column.ComputedStored ? ") STORED" : ") VIRTUAL");
        }

        if (column.Type.Kind == ColumnKind.Enum)
        {
            sql.Append(' ').Append(EnumCheck(column.Name, column.Type));
        }

        if (column.Check is { } check)
        {
            sql.Append(" CHECK (").Append(check).Append(')');
        }

        return sql.ToString();
    }

    // SQLite wants an expression default in parentheses; a bare literal is fine as it is.
    private string DefaultSql(ColumnDefault columnDefault)
    {
        var value = Quoter.QuoteDefault(columnDefault);
        return columnDefault.Value is RawSql && !value.StartsWith('(') ? $"({value})" : value;
    }

    public override string TypeSql(ColumnType type) => type.Kind switch
    {
        ColumnKind.Boolean or ColumnKind.Byte or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 => "INTEGER",
        ColumnKind.Binary => "BLOB",
        ColumnKind.Decimal or ColumnKind.Currency => "NUMERIC",
        ColumnKind.Double or ColumnKind.Float => "REAL",
        ColumnKind.Custom => SqliteTypeNames.FromCustom(type.CustomType!),
        _ => "TEXT",
    };
}
