using Migrations.Testing;

namespace Migrations.Runner.Tests.Faults;

/// <summary>A database whose journal table is gone does not "match the code" (issue 14, item 9).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MissingJournalFaultTests(Provider provider)
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

    private Task<RunnerProcess.Result> Run(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--assembly", RunnerProcess.FixturesDll, "--database", "widgets",
            "--provider", provider == Provider.Postgres ? "postgres" : "sqlite", "--connection", _db.ConnectionString, "--environment", "Development"]);

    [Test]
    public async Task Validate_on_a_database_whose_journal_was_dropped_exits_3_saying_there_is_no_journal()
    {
        var migrate = await Run("migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        _db.Execute($"DROP TABLE {_db.Journal}");

        var validate = await Run("validate");

        Assert.That(validate.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(validate));
        Assert.That(validate.All, Does.Contain("there is no journal").And.Not.Contain("the journal matches the code"));
        Assert.That(SchemaSnapshot.Tables(_db), Does.Contain("widget").And.No.Contain("VersionInfo"), "validate changed nothing, nor created the journal");
    }
}
