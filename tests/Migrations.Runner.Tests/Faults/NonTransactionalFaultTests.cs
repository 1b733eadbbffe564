using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>
/// A migration without a transaction that fails halfway cannot be rolled back: the runner says so,
/// names the statements that stayed, and leaves it out of the journal (issue 14, item 7).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class NonTransactionalFaultTests(Provider provider)
{
    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _db = TestDatabase.Create(provider);
        _work = RunnerProcess.TempDirectory();
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public async Task A_failure_halfway_says_it_ran_without_a_transaction_and_which_statements_stayed()
    {
        var result = await RunnerProcess.RunAsync(_work, null,
            "migrate", "--assembly", RunnerProcess.HalfAppliedDll, "--database", "gadgets", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", _db.ConnectionString, "--environment", "Staging");

        Assert.That(result.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(result));
        var error = result.StandardError.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.That(error, Does.Contain("2: AuditThenFail failed").And.Contain("missing_table"));
        Assert.That(error, Does.Contain("It ran without a transaction, so nothing was rolled back: 2 statement(s) before the failing one stayed applied"));
        Assert.That(error, Does.Contain("CREATE TABLE").And.Contain("gadget_audit").And.Contain("CREATE INDEX").And.Contain("IX_gadget_name"));
        Assert.That(error, Does.Contain("it is not in the journal"));

        // What the message says is what the database holds.
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(new long[] { 1 }));
        Assert.That(SchemaSnapshot.Tables(_db), Does.Contain("gadget_audit"));
    }
}
