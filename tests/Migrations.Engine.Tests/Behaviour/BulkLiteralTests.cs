using Migrations.Engine.Tests.Behaviour.TestMigrations.BulkLiterals;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>
/// A PostgreSQL migrate streams bulk rows by binary COPY; its script writes them as literal INSERTs.
/// The two must store the same values, also where a literal written carelessly would not: a seventh
/// fractional digit (COPY cuts it, text input rounds it), DateTime.MinValue and MaxValue (infinity),
/// intervals, NaN and infinities, timestamp arrays, quotes, backslashes and braces in text arrays,
/// bytes; in a database whose time zone is not UTC, so an offset-less timestamp would be misread.
/// </summary>
public sealed class BulkLiteralTests() : DatabaseTest(Provider.Postgres)
{
    private static string[] Values(TestDatabase database) =>
        database.Query("SELECT CAST(t AS TEXT) FROM \"edge_values\" t ORDER BY \"id\"").Select(r => (string)r[0]!).ToArray();

    private static void InNewYork(TestDatabase database) =>
        database.Execute($"ALTER DATABASE {TestDatabase.Q(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database!)} SET timezone = 'America/New_York'");

    [Test]
    public async Task A_scripts_literal_rows_store_exactly_what_the_copy_of_migrate_stores()
    {
        using var copied = TestDatabase.Create(Provider, "copied");
        InNewYork(Db);
        InNewYork(copied);
        Migrations.Engine.Running.Migrator Runner(TestDatabase database) =>
            Harness.Runner(database, typeof(CreateEdgeValues).Assembly, typeof(CreateEdgeValues).Namespace, o => o with { Profile = "Edges" });

        await Runner(copied).MigrateUpAsync();
        var script = await Runner(Db).ScriptMigrateAsync();
        ScriptReplay.Run(Db, script);

        Assert.That(script, Does.Contain("INSERT INTO \"public\".\"edge_values\"").And.Not.Contain("FROM STDIN"));
        Assert.That(Values(copied), Has.Length.EqualTo(4));
        Assert.That(Values(Db), Is.EqualTo(Values(copied)));
    }
}
