using Migrations.Engine.Guard;

namespace Migrations.Engine.Tests.Guard;

/// <summary>The statements in raw SQL the data-loss guard measures, and the ones it must leave alone.</summary>
public sealed class SqlDataLossScannerTests
{
    [TestCase("DROP TABLE IF EXISTS \"ReportExecution\" CASCADE;", "drop table ReportExecution")]
    [TestCase("drop table a, public.b", "drop table a|drop table public.b")]
    [TestCase("TRUNCATE TABLE ONLY \"Lead\"", "truncate Lead")]
    [TestCase("TRUNCATE a, \"B\"", "truncate a|truncate B")]
    [TestCase("DELETE FROM \"Customer\" WHERE id IN (SELECT 1)", "delete from Customer (counted as every row)")]
    [TestCase("ALTER TABLE \"Lead\" DROP COLUMN IF EXISTS \"customer_id\"", "drop column Lead.customer_id")]
    [TestCase("ALTER TABLE t DROP a, ADD c int, DROP COLUMN b", "drop column t.a|drop column t.b")]
    [TestCase("ALTER TABLE t DROP CONSTRAINT fk; DROP VIEW v; DROP MATERIALIZED VIEW m; DROP INDEX i", "")]
    [TestCase("ALTER TABLE t ALTER COLUMN c DROP DEFAULT, ALTER COLUMN d DROP NOT NULL", "")]
    [TestCase("-- DROP TABLE commented\nSELECT 'DROP TABLE x'", "")]
    [TestCase("/* DELETE FROM a */ SELECT 1", "")]
    [TestCase("CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $fn$ DELETE FROM a $fn$; DROP TABLE b", "drop table b")]
    [TestCase("DO $$ BEGIN TRUNCATE a; END $$", "")]
    [TestCase("SELECT $1; DROP TABLE c", "drop table c")]
    public void Finds_the_statements_that_destroy_data(string sql, string expected) =>
        Assert.That(string.Join("|", SqlDataLossScanner.Scan(sql).Select(p => p.What)), Is.EqualTo(expected));

    [Test]
    public void An_unquoted_name_is_the_lower_case_table_PostgreSQL_means_and_a_quoted_one_is_kept()
    {
        var probes = SqlDataLossScanner.Scan("DROP TABLE Sales.Orders, \"Sales\".\"Orders\"").ToArray();

        Assert.That(probes.Select(p => (p.SchemaName, p.TableName)), Is.EqualTo(new (string?, string)[] { ("sales", "orders"), ("Sales", "Orders") }));
        Assert.That(probes.All(p => p.DropsTable && p.ColumnName is null), Is.True);
    }

    [Test]
    public void A_dropped_column_is_measured_by_its_values_and_a_delete_by_every_row()
    {
        var column = SqlDataLossScanner.Scan("ALTER TABLE ONLY public.note DROP COLUMN tag").Single();
        var delete = SqlDataLossScanner.Scan("DELETE FROM ONLY note WHERE id = 1").Single();

        Assert.That((column.SchemaName, column.TableName, column.ColumnName, column.DropsTable), Is.EqualTo(("public", "note", "tag", false)));
        Assert.That((delete.SchemaName, delete.TableName, delete.ColumnName, delete.Rows, delete.DropsTable), Is.EqualTo(((string?)null, "note", (string?)null, (object?)null, false)));
    }
}
