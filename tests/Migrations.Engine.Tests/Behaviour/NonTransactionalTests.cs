using Migrations.Engine.Tests.Behaviour.TestMigrations.Concurrent;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class NonTransactionalTests(Provider provider)
{
    [Test]
    public async Task A_migration_without_a_transaction_can_build_an_index_concurrently_and_is_journaled()
    {
        using var db = TestDatabase.Create(provider);
        var runner = Harness.Runner(db, typeof(CreateEvents).Assembly, typeof(CreateEvents).Namespace);

        await runner.MigrateUpAsync();

        Assert.That(Harness.JournalVersions(db), Is.EqualTo(new long[] { 1, 2 }));
        var definition = provider == Provider.Postgres
            ? db.Scalar("SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_event_at'")
            : db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'IX_event_at'");
        Assert.That(definition?.ToString(), Does.Contain("DESC"));
        await runner.RollbackAsync();
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(new long[] { 1 }));
    }
}
