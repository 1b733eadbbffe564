using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.AllBuilders;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Pipelines that deploy at the same moment: each migration is applied exactly once.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ConcurrencyTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(TimeSpan? lockTimeout = null) =>
        Harness.Runner(Db, typeof(CreateCatalog).Assembly, typeof(CreateCatalog).Namespace,
            o => o with { LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(60) });

    [Test]
    public async Task Four_runs_started_at_once_all_succeed_and_apply_each_migration_once()
    {
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner().MigrateUpAsync())).ToArray();

        var results = await Task.WhenAll(runs);

        Assert.That(results.Sum(r => r.Applied.Count), Is.EqualTo(5), "five migrations, each applied by exactly one run");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 100, 101, 102, 103, 104 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"Vendor\""), Is.EqualTo(1), "data steps ran once");
    }

    [Test]
    public async Task A_run_waits_for_the_lock_and_gives_up_after_the_lock_timeout()
    {
        // Another run's lock, taken through the provider as any run takes it.
        await using var held = await Db.DatabaseProvider.AcquireRunLockAsync(Db.ConnectionString, TimeSpan.FromSeconds(5), CancellationToken.None);
        var started = DateTime.UtcNow;

        var error = Assert.ThrowsAsync<LockTimeoutException>(() => Runner(TimeSpan.FromSeconds(1)).MigrateUpAsync());

        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(15)));
        Assert.That(error!.Message, Does.Contain("another run holds the migration lock"));
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
    }

    [Test]
    public async Task The_lock_is_released_when_a_run_ends()
    {
        await Runner().MigrateUpAsync(target: 100);

        Assert.DoesNotThrowAsync(() => Runner(TimeSpan.FromSeconds(1)).MigrateUpAsync());
        await Task.CompletedTask;
    }
}
