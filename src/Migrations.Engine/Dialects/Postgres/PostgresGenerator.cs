using System.Text;
using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects.Postgres;

/// <summary>PostgreSQL SQL: quoted identifiers, identity columns, enums, sequences, comments, partial and concurrent indexes.</summary>
public sealed class PostgresGenerator() : SqlGenerator(new PostgresQuoter())
{
    protected override string DialectName => "PostgreSQL";

    protected override IReadOnlyList<SqlStatement> CreateSchema(CreateSchemaExpression e) => [$"CREATE SCHEMA {Quoter.Quote(e.SchemaName)}"];

    protected override IReadOnlyList<SqlStatement> DeleteSchema(DeleteSchemaExpression e) => [$"DROP SCHEMA {Quoter.Quote(e.SchemaName)}"];

    protected override IEnumerable<SqlStatement> Descriptions(CreateTableExpression e)
    {
        var table = Table(e.SchemaName, e.TableName);
        if (e.Description is not null)
        {
            yield return $"COMMENT ON TABLE {table} IS {Quoter.QuoteString(e.Description)}";
        }

        foreach (var column in e.Columns.Where(c => c.Description is not null))
        {
            yield return $"COMMENT ON COLUMN {table}.{Quoter.Quote(column.Name)} IS {Quoter.QuoteString(column.Description!)}";
        }
    }

    protected override IReadOnlyList<SqlStatement> CreateColumn(CreateColumnExpression e)
    {
        var table = Table(e.SchemaName, e.TableName);
        var statements = new List<SqlStatement> { $"ALTER TABLE {table} ADD COLUMN {ColumnSql(e.TableName, e.Column, inCreateTable: false)}" };
        if (e.Column.IsPrimaryKey)
        {
            var name = e.Column.PrimaryKeyName ?? $"PK_{e.TableName}";
            statements.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quoter.Quote(name)} PRIMARY KEY ({Quoter.Quote(e.Column.Name)})");
        }

        if (e.Column.ForeignKey is { } fk)
        {
            statements.Add($"ALTER TABLE {table} ADD {ForeignKeyClause(fk)}");
        }

        if (e.Column.Description is not null)
        {
            statements.Add($"COMMENT ON COLUMN {table}.{Quoter.Quote(e.Column.Name)} IS {Quoter.QuoteString(e.Column.Description)}");
        }

        return statements;
    }

    protected override IReadOnlyList<SqlStatement> AlterColumn(AlterColumnExpression e)
    {
        var column = e.Column;
        var name = Quoter.Quote(column.Name);
        var type = TypeSql(column.Type!);
        var changes = new List<string> { $"ALTER COLUMN {name} TYPE {type} USING {name}::{type}" };
        if (column.IsNullable is { } nullable)
        {
            changes.Add($"ALTER COLUMN {name} {(nullable ? "DROP" : "SET")} NOT NULL");
        }

        if (column.Default is { } columnDefault)
        {
            changes.Add($"ALTER COLUMN {name} SET DEFAULT {Quoter.QuoteDefault(columnDefault)}");
        }

        var table = Table(e.SchemaName, e.TableName);
        var statements = new List<SqlStatement> { $"ALTER TABLE {table} {string.Join(", ", changes)}" };
        if (column.Check is { } check)
        {
            // A stated CHECK replaces the column's own checks, as SQLite's rebuild does; the name is PostgreSQL's own default.
            statements.Add(DropColumnChecks(table, column.Name));
            statements.Add($"ALTER TABLE {table} ADD CONSTRAINT {Quoter.Quote($"{e.TableName}_{column.Name}_check")} CHECK ({check})");
        }

        return statements;
    }

    private string DropColumnChecks(string table, string column) =>
        "DO $$ DECLARE r record; BEGIN " +
        "FOR r IN SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] " +
        $"WHERE c.conrelid = {Quoter.QuoteString(table)}::regclass AND c.contype = 'c' AND cardinality(c.conkey) = 1 AND a.attname = {Quoter.QuoteString(column)} " +
        $"LOOP EXECUTE format('ALTER TABLE {table.Replace("'", "''", StringComparison.Ordinal)} DROP CONSTRAINT %I', r.conname); END LOOP; END $$";

    protected override IReadOnlyList<SqlStatement> DeleteDefault(DeleteDefaultConstraintExpression e) =>
        [$"ALTER TABLE {Table(e.SchemaName, e.TableName)} ALTER COLUMN {Quoter.Quote(e.ColumnName)} DROP DEFAULT"];

    protected override IReadOnlyList<SqlStatement> CreateForeignKey(CreateForeignKeyExpression e) =>
        [$"ALTER TABLE {Table(e.ForeignKey.ForeignTableSchema, e.ForeignKey.ForeignTable)} ADD {ForeignKeyClause(e.ForeignKey)}"];

    protected override IReadOnlyList<SqlStatement> DeleteForeignKey(DeleteForeignKeyExpression e) =>
        [$"ALTER TABLE {Table(e.ForeignKey.ForeignTableSchema, e.ForeignKey.ForeignTable)} DROP CONSTRAINT {Quoter.Quote(e.ForeignKey.EffectiveName)}"];

    protected override IReadOnlyList<SqlStatement> CreateConstraint(CreateConstraintExpression e)
    {
        var c = e.Constraint;
        var body = c.Kind switch
        {
            ConstraintKind.PrimaryKey => $"PRIMARY KEY ({ColumnList(c.Columns)})",
            ConstraintKind.Unique => $"UNIQUE ({ColumnList(c.Columns)})",
            _ => $"CHECK ({c.CheckExpression})",
        };
        return [$"ALTER TABLE {Table(c.SchemaName, c.TableName)} ADD CONSTRAINT {Quoter.Quote(c.EffectiveName)} {body}"];
    }

    protected override IReadOnlyList<SqlStatement> DeleteConstraint(DeleteConstraintExpression e) =>
        [$"ALTER TABLE {Table(e.Constraint.SchemaName, e.Constraint.TableName)} DROP CONSTRAINT {Quoter.Quote(e.Constraint.EffectiveName)}"];

    protected override IReadOnlyList<SqlStatement> CreateSequence(CreateSequenceExpression e)
    {
        var s = e.Sequence;
        var sql = new StringBuilder($"CREATE SEQUENCE {Table(s.SchemaName, s.Name)}");
        Append(sql, "INCREMENT BY", s.Increment);
        Append(sql, "MINVALUE", s.MinValue);
        Append(sql, "MAXVALUE", s.MaxValue);
        Append(sql, "START WITH", s.StartWith);
        Append(sql, "CACHE", s.Cache);
        if (s.Cycle)
        {
            sql.Append(" CYCLE");
        }

        return [sql.ToString()];
    }

    private static void Append(StringBuilder sql, string keyword, long? value)
    {
        if (value is { } number)
        {
            sql.Append(' ').Append(keyword).Append(' ').Append(number);
        }
    }

    protected override IReadOnlyList<SqlStatement> DeleteSequence(DeleteSequenceExpression e) => [$"DROP SEQUENCE {Table(e.SchemaName, e.SequenceName)}"];

    protected override IReadOnlyList<SqlStatement> CreateEnum(CreateEnumExpression e) =>
        [$"CREATE TYPE {Table(e.SchemaName, e.EnumName)} AS ENUM ({string.Join(", ", e.Values.Select(Quoter.QuoteString))})"];

    protected override IReadOnlyList<SqlStatement> DeleteEnum(DeleteEnumExpression e) => [$"DROP TYPE {Table(e.SchemaName, e.EnumName)}"];

    protected override string CreateIndex(IndexDefinition index)
    {
        var unique = index.IsUnique ? "UNIQUE " : "";
        var concurrently = index.Concurrently ? "CONCURRENTLY " : "";
        var sql = $"CREATE {unique}INDEX {concurrently}{Quoter.Quote(index.EffectiveName)} ON {Table(index.SchemaName, index.TableName)} ({IndexColumns(index)})";
        return index.Filter is null ? sql : $"{sql} WHERE {index.Filter}";
    }

    protected override string DeleteIndex(DeleteIndexExpression e) =>
        $"DROP INDEX {(e.Concurrently ? "CONCURRENTLY " : "")}{Table(e.SchemaName, e.IndexName)}";

    public override string ColumnSql(string table, ColumnDefinition column, bool inCreateTable)
    {
        var sql = new StringBuilder(Quoter.Quote(column.Name)).Append(' ').Append(TypeSql(column.Type!));
        if (column.Type!.Collation is { } collation)
        {
            sql.Append(" COLLATE ").Append(Quoter.Quote(collation));
        }

        if (column.ComputedExpression is { } computed)
        {
            // PostgreSQL has only stored generated columns.
            sql.Append(" GENERATED ALWAYS AS (").Append(computed).Append(") STORED");
        }

        if (!column.EffectiveNullable)
        {
            sql.Append(" NOT NULL");
        }

        if (column.Default is { } columnDefault)
        {
            sql.Append(" DEFAULT ").Append(Quoter.QuoteDefault(columnDefault));
        }

        if (column.IsIdentity)
        {
            sql.Append(" GENERATED BY DEFAULT AS IDENTITY");
        }

        if (column.Check is { } check)
        {
            sql.Append(" CHECK (").Append(check).Append(')');
        }

        return sql.ToString();
    }

    public override string TypeSql(ColumnType type) => type.Kind switch
    {
        ColumnKind.AnsiString or ColumnKind.String => type.Size is { } size and <= 10485760 ? $"varchar({size})" : "text",
        ColumnKind.FixedLengthString or ColumnKind.FixedLengthAnsiString => $"char({type.Size ?? 255})",
        ColumnKind.Binary => "bytea",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Byte or ColumnKind.Int16 => "smallint",
        ColumnKind.Int32 => "integer",
        ColumnKind.Int64 => "bigint",
        ColumnKind.Decimal => $"numeric({type.Size ?? 19},{type.Precision ?? 5})",
        ColumnKind.Double => "double precision",
        ColumnKind.Float => "real",
        ColumnKind.Currency => "money",
        ColumnKind.Guid => "uuid",
        ColumnKind.Date => "date",
        ColumnKind.Time => "time",
        ColumnKind.DateTime or ColumnKind.DateTime2 => "timestamp",
        ColumnKind.DateTimeOffset => type.Size is { } precision ? $"timestamptz({precision})" : "timestamptz",
        ColumnKind.Xml => "xml",
        ColumnKind.Enum => Table(type.EnumSchema, type.EnumName!),
        ColumnKind.Custom => type.CustomType!,
        _ => throw Unsupported($"column type {type.Kind}", "no mapping"),
    };
}
