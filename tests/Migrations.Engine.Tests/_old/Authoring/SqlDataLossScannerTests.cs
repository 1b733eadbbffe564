using Migrations.Engine.Expressions;

namespace Migrations.Engine.Tests.Authoring;

public sealed class SqlDataLossScannerTests
{
    [TestCase("DROP TABLE IF EXISTS \"ReportExecution\" CASCADE;", "drop table ReportExecution")]
    [TestCase("drop table a, public.b", "drop table a|drop table public.b")]
    [TestCase("TRUNCATE TABLE ONLY \"Lead\"", "truncate Lead")]
    [TestCase("DELETE FROM \"Customer\" WHERE id IN (SELECT 1)", "delete from Customer (counted as every row)")]
    [TestCase("ALTER TABLE \"Lead\" DROP COLUMN IF EXISTS \"customer_id\"", "drop column Lead.customer_id")]
    [TestCase("ALTER TABLE t DROP CONSTRAINT fk; DROP VIEW v; DROP MATERIALIZED VIEW m; DROP INDEX i", "")]
    [TestCase("-- DROP TABLE commented\nSELECT 'DROP TABLE x'", "")]
    public void Finds_the_statements_that_destroy_data(string sql, string expected) =>
        Assert.That(string.Join("|", SqlDataLossScanner.Scan(sql).Select(p => p.What)), Is.EqualTo(expected));
}
