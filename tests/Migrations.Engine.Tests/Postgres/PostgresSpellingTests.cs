using System.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Postgres;

/// <summary>
/// Where our generator spells something differently from the old engine (FluentMigrator's names
/// and literals), the real server makes of it exactly what it made of the old engine's spelling.
/// </summary>
public sealed class PostgresSpellingTests() : DatabaseTest(Provider.Postgres)
{
    private readonly PostgresScript _script = new();

    [OneTimeTearDown]
    public void DisposeScript() => _script.Dispose();

    [Test]
    public void FluentMigrators_decimal_float8_and_float4_are_the_old_engines_numeric_double_precision_and_real()
    {
        var table = new CreateTableExpression
        {
            TableName = "Spelled",
            Columns =
            [
                new ColumnDefinition { Name = "plain", Type = DbType.Decimal },
                new ColumnDefinition { Name = "sized", Type = DbType.Decimal, Size = 12, Precision = 2 },
                new ColumnDefinition { Name = "double", Type = DbType.Double },
                new ColumnDefinition { Name = "single", Type = DbType.Single },
            ],
        };
        Run(_script.Statements(table));

        var types = Db.Query(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
            "WHERE a.attrelid = '\"public\".\"Spelled\"'::regclass AND a.attnum > 0 ORDER BY a.attnum");

        Assert.That(types.Select(r => $"{r[0]} {r[1]}"), Is.EqualTo(new[]
        {
            "plain numeric(19,5)", "sized numeric(12,2)", "double double precision", "single real",
        }));
    }

    [Test]
    public void FluentMigrators_escaped_bytea_literal_stores_the_bytes_the_old_engines_cast_literal_stored()
    {
        Db.Execute("CREATE TABLE \"public\".\"Files\" (\"data\" bytea)");
        var insert = new InsertDataExpression { TableName = "Files" };
        insert.Rows.Add([new("data", new byte[] { 0xCA, 0xFE })]);
        Run(_script.Statements(insert));
        Db.Execute("INSERT INTO \"public\".\"Files\" (\"data\") VALUES ('\\xCAFE'::bytea)");

        Assert.That(Db.Query("SELECT \"data\" FROM \"public\".\"Files\"").Select(r => r[0]), Is.EqualTo(new object[] { new byte[] { 0xCA, 0xFE }, new byte[] { 0xCA, 0xFE } }));
    }

    private void Run(IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            Db.Execute(statement);
        }
    }
}
