using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// Regression for issue 14, item 13, through the real runner on a SQLite file: a rollback whose
/// <c>Down()</c> drops a parent table counted its rows but not the child rows it took with it.
/// </summary>
public sealed class ChildRowsRollbackTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkingDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_work, recursive: true);

    private string LedgerDb => Path.Combine(_work, "ledger.db");

    private TestDatabase Open() => TestDatabase.Open(Provider.Sqlite, $"Data Source={LedgerDb};Pooling=False;Foreign Keys=True");

    private string[] Ledger(params string[] args) =>
        [.. args, "--assembly", RunnerProcess.LedgerDll, "--database", "ledger", "--connection", $"Data Source={LedgerDb}", "--environment", "Development"];

    private Task<RunnerProcess.Result> Run(params string[] args) => RunnerProcess.RunAsync(_work, null, args);

    [Test]
    public async Task Rolling_back_a_parent_with_cascading_children_is_refused_naming_the_child_table_and_its_rows()
    {
        var migrated = await Run(Ledger("migrate", "--tag", "Accounts"));
        Assert.That(migrated.ExitCode, Is.Zero, RunnerProcess.Describe(migrated));
        using (var db = Open())
        {
            db.Execute("INSERT INTO \"account\" (\"id\") VALUES (1), (2)");
            db.Execute("INSERT INTO \"ledger\" (\"id\", \"amount\", \"account_id\") VALUES (1, 10, 1), (2, 20, 2), (3, 30, 2), (4, 40, NULL)");
        }

        var refused = await Run(Ledger("rollback"));

        var line = BadInputFaultTests.OneErrorLine(refused, exitCode: 3);
        Assert.That(line, Does.StartWith("error: ledger: refusing to rollback, it would destroy data: ")
            .And.Contain("60: LedgerAccounts would delete table \"account\": 2 row(s)")
            .And.Contain("60: LedgerAccounts would cascade-delete rows of \"ledger\" (its \"account_id\" references \"account\"): 3 row(s)")
            .And.Contain("Nothing was changed"));
        using (var db = Open())
        {
            Assert.That(Harness.JournalVersions(db), Is.EqualTo(new long[] { 10, 30, 60 }));
            Assert.That(db.Count("SELECT count(*) FROM \"ledger\""), Is.EqualTo(4));
            Assert.That(db.Count("SELECT count(*) FROM \"account\""), Is.EqualTo(2));
            Assert.That(db.Query("PRAGMA foreign_key_check"), Is.Empty);
        }
    }

    [Test]
    public async Task Allowed_the_rollback_takes_the_children_with_it_and_leaves_no_foreign_key_broken()
    {
        await Run(Ledger("migrate", "--tag", "Accounts"));
        using (var db = Open())
        {
            db.Execute("INSERT INTO \"account\" (\"id\") VALUES (1)");
            db.Execute("INSERT INTO \"ledger\" (\"id\", \"amount\", \"account_id\") VALUES (1, 10, 1), (2, 20, NULL)");
        }

        var allowed = await Run(Ledger("rollback", "--allow-data-loss"));

        Assert.That(allowed.ExitCode, Is.Zero, RunnerProcess.Describe(allowed));
        using var after = Open();
        Assert.That(Harness.JournalVersions(after), Is.EqualTo(new long[] { 10, 30 }));
        Assert.That(after.Count("SELECT count(*) FROM \"ledger\""), Is.EqualTo(1));
        Assert.That(after.Query("PRAGMA foreign_key_check"), Is.Empty);
    }
}
