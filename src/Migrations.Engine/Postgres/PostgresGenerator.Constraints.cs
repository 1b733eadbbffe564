using FluentMigrator.Expressions;
using Migrations.Engine.Authoring;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Postgres;

// Enum types, named CHECK constraints and RESTRICT: what our authoring extensions add to FluentMigrator's model.
public sealed partial class PostgresGenerator
{
    /// <summary><c>CREATE TYPE "public"."Name" AS ENUM ('a', 'b');</c></summary>
    public string Generate(CreateEnumExpression expression) =>
        FormatStatement(
            "CREATE TYPE {0} AS ENUM ({1})",
            Quoter.QuoteTableName(expression.TypeName, expression.SchemaName),
            string.Join(", ", expression.Values.Select(value => Quoter.QuoteValue(value))));

    /// <summary><c>DROP TYPE "public"."Name";</c></summary>
    public string Generate(DeleteEnumExpression expression) =>
        FormatStatement("DROP TYPE {0}", Quoter.QuoteTableName(expression.TypeName, expression.SchemaName));

    /// <summary><c>ALTER TABLE t ADD CONSTRAINT "ck" CHECK (sql);</c></summary>
    public string Generate(CreateCheckConstraintExpression expression) =>
        FormatStatement(
            "ALTER TABLE {0} ADD CONSTRAINT {1} CHECK ({2})",
            Quoter.QuoteTableName(expression.TableName, expression.SchemaName),
            Quoter.QuoteConstraintName(expression.ConstraintName),
            expression.CheckSql);

    /// <summary><c>ALTER TABLE t DROP CONSTRAINT "ck";</c></summary>
    public string Generate(DeleteCheckConstraintExpression expression) =>
        FormatStatement(
            "ALTER TABLE {0} DROP CONSTRAINT {1}",
            Quoter.QuoteTableName(expression.TableName, expression.SchemaName),
            Quoter.QuoteConstraintName(expression.ConstraintName));

    /// <summary>
    /// FluentMigrator's foreign key, plus RESTRICT where the migration said <c>ForeignKeyRule.Restrict</c>
    /// (System.Data.Rule has no RESTRICT, so FluentMigrator wrote no rule for it). PostgreSQL takes the
    /// ON DELETE and ON UPDATE clauses in either order, so they go at the end.
    /// </summary>
    public override string Generate(CreateForeignKeyExpression expression)
    {
        var sql = base.Generate(expression);
        var restrict = (ForeignKeyRuleExtensions.IsRestrict(expression.ForeignKey, onDelete: true) ? " ON DELETE RESTRICT" : "") +
                       (ForeignKeyRuleExtensions.IsRestrict(expression.ForeignKey, onDelete: false) ? " ON UPDATE RESTRICT" : "");
        return restrict.Length == 0 ? sql : sql.TrimEnd().TrimEnd(';') + restrict + ";";
    }

    /// <summary>
    /// A CHECK stated on an altered column replaces the column's own single-column CHECKs, as the
    /// SQLite rebuild does, and takes PostgreSQL's default name &lt;table&gt;_&lt;column&gt;_check (the old engine's form).
    /// </summary>
    private IEnumerable<string> ReplaceColumnChecks(string? schema, string table, string column, string checkSql)
    {
        var quotedTable = Quoter.QuoteTableName(table, schema);
        var dropChecks =
            "DO $$ DECLARE r record; BEGIN " +
            "FOR r IN SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] " +
            $"WHERE c.conrelid = {Quoter.QuoteValue(quotedTable)}::regclass AND c.contype = 'c' AND cardinality(c.conkey) = 1 AND a.attname = {Quoter.QuoteValue(column)} " +
            $"LOOP EXECUTE format('ALTER TABLE {quotedTable.Replace("'", "''", StringComparison.Ordinal)} DROP CONSTRAINT %I', r.conname); END LOOP; END $$";
        yield return FormatStatement("{0}", dropChecks);
        yield return FormatStatement("ALTER TABLE {0} ADD CONSTRAINT {1} CHECK ({2})", quotedTable, Quoter.QuoteConstraintName($"{table}_{column}_check"), checkSql);
    }
}
