using Microsoft.Data.Sqlite;
using Migrations.Engine.Tests.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Another client holding SQLite's write lock is waited for, then the run gives up with a lock error.</summary>
public sealed class SqliteWriteLockTests
{
    [Test]
    public async Task A_client_holding_the_write_lock_makes_the_run_time_out_with_a_lock_error()
    {
        using var db = TestDatabase.Create(Provider.Sqlite);
        var runner = Harness.Runner(db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, o => o with { LockTimeout = TimeSpan.FromSeconds(1) });
        await runner.MigrateUpAsync(target: 1);
        await using var other = new SqliteConnection($"Data Source={db.FilePath};Pooling=False");
        other.Open();
        await using var transaction = other.BeginTransaction(deferred: false);

        var error = Assert.ThrowsAsync<LockTimeoutException>(() => runner.MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("write lock"));
        transaction.Rollback();
        Assert.That(Harness.JournalVersions(db), Is.EqualTo(new long[] { 1 }));
    }
}
