using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Failing;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class FailureTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner() => Harness.Runner(Db, typeof(CreateAlpha).Assembly, typeof(CreateAlpha).Namespace);

    [Test]
    public async Task A_failing_migration_leaves_no_trace_and_earlier_ones_stay_applied()
    {
        await Runner().MigrateUpAsync(target: 2);
        var beforeFailure = SchemaSnapshot.Take(Db);

        var error = Assert.ThrowsAsync<MigrationFailedException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Message, Does.StartWith("test: migration 3: FailHalfway failed in statement [INSERT INTO no_such_table VALUES (1)]: "));
        Assert.That(error.Message, Does.Contain("no_such_table"), "the provider's own message is kept");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }), "migrations before the failure stay applied and journaled");
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(beforeFailure), "no table, column or index of the failed migration survives");
        Assert.That(SchemaSnapshot.Tables(Db), Has.No.Member("Gamma").And.No.Member("Delta"));
        Assert.That(Db.Count("SELECT count(*) FROM \"Alpha\""), Is.Zero, "its rows are rolled back too");
    }

    [Test]
    public async Task A_failure_on_a_fresh_database_keeps_the_migrations_before_it()
    {
        Assert.ThrowsAsync<MigrationFailedException>(() => Runner().MigrateUpAsync());

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(SchemaSnapshot.Tables(Db), Is.EqualTo(new[] { "Alpha", "Beta" }));
        await Task.CompletedTask;
    }
}
