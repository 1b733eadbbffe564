using Migrations.Engine.Running;
using Migrations.Engine.Tests.Guard.TestMigrations.Children;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Guard;

/// <summary>
/// Issue 14, item 13: a rollback that drops a parent table counts the child rows it would
/// cascade-delete or leave pointing at nothing, names them, and never leaves foreign keys broken.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ChildRowsTests(Provider provider) : DatabaseTest(provider)
{
    private const string CascadedLedger = "2: AddAccounts would cascade-delete rows of \"ledger\" (its \"account_id\" references \"account\")";

    private Migrator Runner(bool allow = false) =>
        Harness.Runner(Db, typeof(CreateLedger).Assembly, typeof(CreateLedger).Namespace, o => o with { AllowDataLoss = allow });

    private List<object?[]> Ledger() => Db.Query("SELECT * FROM \"ledger\" ORDER BY \"id\"");

    private async Task WithAccounts()
    {
        await Runner().MigrateUpAsync(target: 2);
        Db.Execute("INSERT INTO \"account\" (\"id\") VALUES (1), (2)");
        Db.Execute("INSERT INTO \"ledger\" (\"id\", \"memo\", \"account_id\") VALUES (1, 'a', 1), (2, 'b', 2), (3, 'c', 2), (4, 'none', NULL)");
    }

    private void AssertForeignKeysHold()
    {
        if (Provider == Provider.Sqlite)
        {
            Assert.That(Db.Query("PRAGMA foreign_key_check"), Is.Empty);
        }
    }

    [Test]
    public async Task Dropping_a_parent_whose_children_cascade_is_refused_naming_the_child_and_its_rows()
    {
        await WithAccounts();
        var before = Ledger();

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());

        Assert.That(error!.Losses, Is.EqualTo(new[] { "2: AddAccounts would delete table \"account\": 2 row(s)", $"{CascadedLedger}: 3 row(s)" }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Ledger(), Is.EqualTo(before));
        Assert.That(Db.Count("SELECT count(*) FROM \"account\""), Is.EqualTo(2));
    }

    [Test]
    public async Task Allowed_the_rollback_deletes_the_cascaded_children_or_fails_whole_and_leaves_foreign_keys_intact()
    {
        await WithAccounts();
        var before = Ledger();

        if (Provider == Provider.Sqlite)
        {
            await Runner(allow: true).RollbackAsync();

            Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
            Assert.That(Db.Count("SELECT count(*) FROM \"ledger\""), Is.EqualTo(1));
        }
        else
        {
            // PostgreSQL will not drop a table another table's key depends on: the step fails and rolls back.
            Assert.ThrowsAsync<MigrationFailedException>(() => Runner(allow: true).RollbackAsync());

            Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
            Assert.That(Ledger(), Is.EqualTo(before));
        }

        AssertForeignKeysHold();
    }

    [Test]
    public async Task Dropping_a_parent_after_deleting_its_key_is_refused_naming_the_rows_it_would_orphan()
    {
        await Runner().MigrateUpAsync(target: 3);
        Db.Execute("INSERT INTO \"branch\" (\"id\") VALUES (7)");
        Db.Execute("INSERT INTO \"ledger\" (\"id\", \"memo\", \"branch_id\") VALUES (1, 'a', 7), (2, 'b', 7), (3, 'c', NULL)");
        var before = Ledger();

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());

        Assert.That(error!.Losses, Is.EqualTo(new[]
        {
            "3: AddBranches would delete table \"branch\": 1 row(s)",
            "3: AddBranches would orphan rows of \"ledger\" (its \"branch_id\" references \"branch\"): 2 row(s)",
        }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Ledger(), Is.EqualTo(before));
        AssertForeignKeysHold();
    }

    [Test]
    public async Task A_child_table_an_earlier_step_of_the_rollback_drops_is_counted_by_its_own_drop_only()
    {
        await Runner().MigrateUpAsync();
        Db.Execute("INSERT INTO \"account\" (\"id\") VALUES (1)");
        Db.Execute("INSERT INTO \"entry\" (\"id\", \"account_id\") VALUES (1, 1), (2, 1)");
        Db.Execute("INSERT INTO \"ledger\" (\"id\", \"memo\", \"account_id\") VALUES (1, 'a', 1)");

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync(steps: 3));

        Assert.That(error!.Losses, Is.EqualTo(new[]
        {
            "4: CreateEntries would delete table \"entry\": 2 row(s)",
            "2: AddAccounts would delete table \"account\": 1 row(s)",
            $"{CascadedLedger}: 1 row(s)",
        }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
    }

    [Test]
    public async Task Children_without_a_key_set_need_no_flag()
    {
        await Runner().MigrateUpAsync();
        Db.Execute("INSERT INTO \"ledger\" (\"id\", \"memo\") VALUES (1, 'a')");

        await Runner().RollbackToVersionAsync(2);

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"ledger\""), Is.EqualTo(1));
        AssertForeignKeysHold();
    }
}
