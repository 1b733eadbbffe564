using Migrations.Engine.Running;
using Migrations.Engine.Tests.Guard.TestMigrations.KeyRules;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Guard;

/// <summary>
/// Issue 14, item 13: a <c>Down()</c> that deletes a child's key and then drops the parent (as
/// workspace's 0026 does) left the child rows pointing at nothing with <c>--allow-data-loss</c>, and
/// the next migrate failed creating the key again. The runner applies each key's own rule to those
/// rows in the step's transaction, cascading on, and refuses where the rule forbids it.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class KeyRulesTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(bool allow = false) => RunnerOn(Db, allow);

    private static Migrator RunnerOn(TestDatabase database, bool allow = false) =>
        Harness.Runner(database, typeof(CreateMessages).Assembly, typeof(CreateMessages).Namespace, o => o with { AllowDataLoss = allow });

    private List<object?[]> Rows(string table) => Db.Query($"SELECT * FROM \"{table}\" ORDER BY \"id\"");

    private static object?[] Row(params object?[] values) => values;

    private void AssertForeignKeysHold()
    {
        if (Provider == Provider.Sqlite)
        {
            Assert.That(Db.Query("PRAGMA foreign_key_check"), Is.Empty);
        }
    }

    // Threads 1 and 2; messages 1 and 2 in thread 1, 3 in thread 2, 4 in none; each with deliveries and pins.
    private Task WithThreads(long target = 2) => WithThreads(Db, target);

    private static async Task WithThreads(TestDatabase db, long target = 2)
    {
        await RunnerOn(db).MigrateUpAsync(target);
        db.Execute("INSERT INTO \"thread\" (\"id\") VALUES (1), (2)");
        db.Execute("INSERT INTO \"message\" (\"id\", \"thread_id\") VALUES (1, 1), (2, 1), (3, 2), (4, NULL)");
        db.Execute("INSERT INTO \"delivery\" (\"id\", \"message_id\") VALUES (10, 1), (30, 3), (40, 4)");
        db.Execute("INSERT INTO \"pin\" (\"id\", \"message_id\") VALUES (100, 1), (400, 4)");
        db.Execute("INSERT INTO \"watcher\" (\"id\", \"thread_id\") VALUES (7, 1), (8, NULL)");
    }

    [Test]
    public async Task The_guard_counts_what_each_deleted_keys_rule_does_cascading_on()
    {
        await WithThreads();
        var before = Rows("message");

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());

        Assert.That(error!.Losses, Is.EqualTo(new[]
        {
            "2: AddThreads would delete table \"thread\": 2 row(s)",
            "2: AddThreads would cascade-delete rows of \"delivery\" (its \"message_id\" references \"message\"): 2 row(s)",
            "2: AddThreads would clear \"message_id\" of \"pin\" (its \"message_id\" references \"message\"): 1 row(s)",
            "2: AddThreads would cascade-delete rows of \"message\" (its \"thread_id\" references \"thread\"): 3 row(s)",
            "2: AddThreads would clear \"thread_id\" of \"watcher\" (its \"thread_id\" references \"thread\"): 1 row(s)",
        }));
        Assert.That(Rows("message"), Is.EqualTo(before));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Allowed_the_rollback_applies_the_rules_and_migrate_creates_the_keys_again()
    {
        await WithThreads();

        await Runner(allow: true).RollbackAsync();

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
        Assert.That(Rows("message").Select(r => Convert.ToInt32(r[0])), Is.EqualTo(new[] { 4 }), "messages of the dropped threads went, as their CASCADE key says");
        Assert.That(Rows("delivery").Select(r => Convert.ToInt32(r[0])), Is.EqualTo(new[] { 40 }), "and their deliveries with them");
        Assert.That(Rows("pin").Select(r => (Convert.ToInt32(r[0]), r[1] is null or DBNull ? (int?)null : Convert.ToInt32(r[1]))), Is.EqualTo(new[] { (100, (int?)null), (400, 4) }));
        Assert.That(Rows("watcher").Select(r => r[1] is null or DBNull), Is.EqualTo(new[] { true, true }), "watchers kept, their thread cleared (SET NULL)");
        AssertForeignKeysHold();

        await Runner().MigrateUpAsync(target: 2);

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        AssertForeignKeysHold();
    }

    [Test]
    public async Task A_rollback_script_replayed_applies_the_rules_as_the_rollback_does()
    {
        // PostgreSQL scripts on a copy of the schema without its rows: the rules must be scripted all the same.
        await WithThreads();
        using var rolledBack = TestDatabase.Create(Provider, "rolledback");
        await WithThreads(rolledBack);

        var script = await Runner(allow: true).ScriptRollbackAsync(steps: 1, toVersion: null);
        ScriptReplay.Run(Db, script);
        await RunnerOn(rolledBack, allow: true).RollbackAsync();

        Assert.That(script, Does.Contain("DELETE FROM").And.Contain("= NULL"));
        Assert.That(DatabaseState.Take(Db), Is.EqualTo(DatabaseState.Take(rolledBack)));
        Assert.That(Rows("message").Select(r => Convert.ToInt32(r[0])), Is.EqualTo(new[] { 4 }));
        AssertForeignKeysHold();
    }

    [Test]
    public async Task A_step_that_deletes_the_key_column_too_needs_no_rule_and_counts_the_values()
    {
        await Runner().MigrateUpAsync(target: 3);
        Db.Execute("INSERT INTO \"label\" (\"id\") VALUES (5)");
        Db.Execute("INSERT INTO \"message\" (\"id\", \"label_id\") VALUES (1, 5), (2, NULL)");

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());
        Assert.That(error!.Losses, Is.EqualTo(new[] { "3: AddLabels would delete table \"label\": 1 row(s)", "3: AddLabels would delete column \"message\".\"label_id\": 1 value(s)" }));

        await Runner(allow: true).RollbackAsync();

        Assert.That(Rows("message"), Has.Count.EqualTo(2));
        AssertForeignKeysHold();
    }

    [Test]
    public async Task Rows_whose_no_action_key_forbids_the_drop_are_refused_even_with_data_loss_allowed()
    {
        await Runner().MigrateUpAsync();
        Db.Execute("INSERT INTO \"folder\" (\"id\") VALUES (9)");
        Db.Execute("INSERT INTO \"message\" (\"id\", \"folder_id\") VALUES (1, 9), (2, NULL)");
        var before = Rows("message");

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner(allow: true).RollbackAsync());

        Assert.That(error!.Message, Does.StartWith("test: refusing to rollback: 4: AddFolders would orphan rows of \"message\" (its \"folder_id\" references \"folder\"): 1 row(s), and their foreign key forbids")
            .And.Contain("--allow-data-loss does not leave rows pointing at nothing"));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That(Rows("message"), Is.EqualTo(before));
        Assert.That(Db.Count("SELECT count(*) FROM \"folder\""), Is.EqualTo(1));
    }
}
