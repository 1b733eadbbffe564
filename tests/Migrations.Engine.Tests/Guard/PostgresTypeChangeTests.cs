using Migrations.Engine.Postgres;

namespace Migrations.Engine.Tests.Guard;

/// <summary>Which PostgreSQL type changes the guard measures, with types written as format_type prints them and as FluentMigrator's type map writes them.</summary>
public sealed class PostgresTypeChangeTests
{
    [TestCase("numeric(12,3)", "float4", true)]
    [TestCase("numeric(30,10)", "float8", true)]
    [TestCase("double precision", "float4", true)]
    [TestCase("real", "int4", true)]
    [TestCase("numeric(12,4)", "DECIMAL(12,2)", true)]
    [TestCase("numeric(12,2)", "DECIMAL(14,2)", false)]
    [TestCase("real", "float8", false)]
    [TestCase("integer", "int8", false)]
    [TestCase("timestamp(3) with time zone", "timestamp", true)]
    [TestCase("timestamp without time zone", "timestamptz", false)]
    [TestCase("character varying(50)", "varchar(10)", false)]
    public void A_change_is_lossy_where_PostgreSQL_alters_values_without_an_error(string current, string wanted, bool lossy) =>
        Assert.That(PostgresTypeChange.IsLossy(current, wanted), Is.EqualTo(lossy));

    [Test]
    public void A_changed_value_is_one_the_cast_there_and_back_does_not_give_back()
    {
        Assert.That(PostgresTypeChange.ChangedValues("\"weight\"", "numeric(12,3)", "float4"),
            Is.EqualTo("\"weight\" IS NOT NULL AND CAST(CAST(\"weight\" AS float4) AS numeric) <> \"weight\""));
        Assert.That(PostgresTypeChange.ChangedValues("\"at\"", "timestamp with time zone", "timestamp"),
            Is.EqualTo("\"at\" IS NOT NULL AND CAST(CAST(\"at\" AS timestamp) AS timestamp with time zone) <> \"at\""));
        Assert.That(PostgresTypeChange.ChangedValues("\"at\"", "timestamp without time zone", "time"), Is.EqualTo("\"at\" IS NOT NULL"));
    }
}
