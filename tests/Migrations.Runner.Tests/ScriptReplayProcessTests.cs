using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// Issue 18 as a pipeline meets it: the artefact <c>script --out migrate.sql</c> writes, replayed by
/// the command-line client, leaves the database the runner's <c>migrate</c> leaves, with the
/// environment's profile from configuration (claims in Development); and <c>script --rollback</c>
/// replayed leaves what <c>rollback</c> leaves.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ScriptReplayProcessTests(Provider provider)
{
    private string _work = null!;

    [SetUp]
    public void CreateWorkDirectory() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveWorkDirectory() => Directory.Delete(_work, recursive: true);

    private async Task Claims(TestDatabase database, params string[] args)
    {
        var result = await RunnerProcess.RunAsync(_work, null, [.. args, "--database", "claims", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", database.ConnectionString, "--environment", "Development"]);
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
    }

    [Test]
    public async Task The_reviewed_script_replayed_leaves_what_migrate_and_rollback_leave()
    {
        using var replayed = TestDatabase.Create(provider, "replayed");
        using var migrated = TestDatabase.Create(provider, "migrated");
        var reviewed = Path.Combine(_work, "migrate.sql");

        await Claims(replayed, "script", "--out", reviewed);
        ScriptReplay.Run(replayed, File.ReadAllText(reviewed));
        await Claims(migrated, "migrate");

        Assert.That(RowSnapshot.Take(migrated).Values.Sum(rows => rows.Count), Is.Positive, "the Development profile seeded rows");
        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)));

        var rollback = Path.Combine(_work, "rollback.sql");
        await Claims(replayed, "script", "--rollback", "--steps", "2", "--out", rollback);
        ScriptReplay.Run(replayed, File.ReadAllText(rollback));
        await Claims(migrated, "rollback", "--steps", "2", "--allow-data-loss");

        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)));
        Assert.That(Harness.JournalVersions(replayed), Has.Count.EqualTo(Harness.JournalVersions(migrated).Count));
    }
}
