using Migrations.Engine.Postgres;

namespace Migrations.Engine.Tests.Postgres;

/// <summary>PostgreSQL type changes the data-loss guard counts: the current type as format_type prints it, the new one as the generator writes it.</summary>
public sealed class PostgresTypeChangeTests
{
    [TestCase("numeric(12,2)", "numeric(14,2)", false)]
    [TestCase("numeric(12,2)", "numeric(12,0)", true)]
    [TestCase("numeric", "numeric(10,2)", true)]
    [TestCase("character varying(10)", "varchar(40)", false)]
    [TestCase("character varying(40)", "varchar(10)", false)]
    [TestCase("integer", "bigint", false)]
    [TestCase("double precision", "integer", true)]
    [TestCase("double precision", "real", true)]
    [TestCase("timestamp with time zone", "timestamp", true)]
    [TestCase("timestamp without time zone", "date", true)]
    [TestCase("timestamp without time zone", "timestamptz", false)]
    [TestCase("text", "\"public\".\"MessageRole\"", false)]
    public void Only_conversions_that_silently_alter_values_count(string from, string to, bool lossy) =>
        Assert.That(PostgresTypeChange.IsLossy(from, to), Is.EqualTo(lossy));
}
