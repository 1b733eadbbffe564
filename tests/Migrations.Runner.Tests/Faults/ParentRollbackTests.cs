using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Issue 14, item 13, as it was found: on workspace with its Development data, rolling back 27
/// and 26 with <c>--allow-data-loss</c> left thread_messages pointing at the dropped threads (0026's
/// <c>Down()</c> deletes their key first), and the next <c>migrate</c> failed with "3 foreign key
/// violation(s)". The rollback now applies the key's CASCADE rule, and migrate goes through.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ParentRollbackTests(Provider provider)
{
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _work = RunnerProcess.TempDirectory();
        _db = TestDatabase.Create(provider, "parentrollback");
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private Task<RunnerProcess.Result> Workspace(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "workspace", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", _db.ConnectionString, "--environment", "Development"]);

    [Test]
    public async Task Rolling_back_26_with_data_loss_allowed_deletes_the_threads_messages_and_migrate_creates_the_key_again()
    {
        var migrate = await Workspace("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var messages = _db.Count("SELECT count(*) FROM thread_messages WHERE thread_id IS NOT NULL");
        Assert.That(messages, Is.GreaterThan(0), "the Development data has messages in threads");

        var refused = await Workspace("rollback", "--to", "25");
        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(refused.StandardError, Does.Contain($"26: M0026_ThreadsAndInvites would cascade-delete rows of \"thread_messages\" (its \"thread_id\" references \"threads\"): {messages} row(s)"));

        var rollback = await Workspace("rollback", "--to", "25", "--allow-data-loss");
        Assert.That(rollback.ExitCode, Is.Zero, RunnerProcess.Describe(rollback));
        Assert.That(_db.Count("SELECT count(*) FROM thread_messages WHERE thread_id IS NOT NULL"), Is.Zero, "the key's CASCADE rule was applied");
        AssertForeignKeysHold();

        var again = await Workspace("migrate");
        Assert.That(again.ExitCode, Is.Zero, RunnerProcess.Describe(again));
        Assert.That(Harness.JournalVersions(_db), Does.Contain(26L).And.Contain(27L));
        AssertForeignKeysHold();
    }

    private void AssertForeignKeysHold()
    {
        if (provider == Provider.Sqlite)
        {
            Assert.That(_db.Query("PRAGMA foreign_key_check"), Is.Empty);
        }
    }
}
