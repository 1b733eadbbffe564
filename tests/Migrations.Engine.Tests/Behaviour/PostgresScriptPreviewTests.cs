using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Where no scratch copy can be made (SQLite always makes one in memory), a PostgreSQL script is FluentMigrator's preview, and says so.</summary>
public sealed class PostgresScriptPreviewTests() : DatabaseTest(Provider.Postgres)
{
    [Test]
    public async Task Without_CREATEDB_a_PostgreSQL_script_is_a_preview_that_says_so()
    {
        // A login that may change this database but not create others: the scratch copy cannot be made.
        var role = $"scripter_{Guid.NewGuid():N}"[..20];
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Db.ConnectionString).Database!;
        Db.Execute($"CREATE ROLE {role} LOGIN PASSWORD 'secret-pw' NOCREATEDB; GRANT ALL ON DATABASE {TestDatabase.Q(database)} TO {role}; GRANT ALL ON SCHEMA public TO {role}");
        var asRole = new Npgsql.NpgsqlConnectionStringBuilder(Db.ConnectionString) { Username = role, Password = "secret-pw" }.ConnectionString;
        var logger = new CapturingLogger();
        var runner = new Migrator(Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace).Options with { ConnectionString = asRole }, logger);

        var script = await runner.ScriptMigrateAsync();

        Assert.That(script.Split('\n')[1], Does.StartWith("-- PREVIEW: cannot create a scratch database to script on").And.Contain("grant CREATEDB"));
        Assert.That(script, Does.Contain("2: CreateOrder (up)").And.Not.Contain("secret-pw"));
        Assert.That(logger.Lines, Has.Some.Contains("PREVIEW"), "the preview is a warning in the log too");
        Assert.That(SchemaSnapshot.Tables(Db), Is.Empty, "the preview executed nothing");
    }

}
