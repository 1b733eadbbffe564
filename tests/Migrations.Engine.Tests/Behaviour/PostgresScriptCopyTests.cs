using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>
/// A PostgreSQL script runs on a scratch copy on the live server: what that changes on the whole
/// server is named at the top of the script; where no copy can be made, the script is
/// FluentMigrator's preview, and says so (SQLite always makes its copy in memory).
/// </summary>
public sealed class PostgresScriptCopyTests() : DatabaseTest(Provider.Postgres)
{
    [Test]
    public async Task What_making_the_script_changed_on_the_whole_server_is_at_the_top_of_the_script()
    {
        var role = Migrations.Engine.Tests.Behaviour.TestMigrations.ServerWide.CreateApplicationRole.Role;
        Db.Execute($"DROP ROLE IF EXISTS {role}");
        var logger = new CapturingLogger();
        var runner = new Migrator(Harness.Runner(Db, typeof(TestMigrations.ServerWide.CreateApplicationRole).Assembly, typeof(TestMigrations.ServerWide.CreateApplicationRole).Namespace).Options, logger);
        try
        {
            var script = await runner.ScriptMigrateAsync();

            var top = script.Split('\n').Take(3).ToArray();
            Assert.That(top[1], Does.StartWith("-- SERVER-WIDE: making this script on a copy on"));
            Assert.That(top[2], Is.EqualTo($"--   role {role} (NOLOGIN) now exists"));
            Assert.That(logger.Lines, Has.Some.Contains("SERVER-WIDE"), "a warning in the log too");
            Assert.That(Harness.JournalVersions(Db), Is.Empty, "the database itself is untouched");
        }
        finally
        {
            Db.Execute($"DROP ROLE IF EXISTS {role}");
        }
    }

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
