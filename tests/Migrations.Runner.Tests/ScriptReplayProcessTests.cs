using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// Issue 18 as a pipeline meets it: the artefact <c>script --out migrate.sql</c> writes, replayed by
/// the command-line client, leaves the database the runner's <c>migrate</c> leaves, with the
/// environment's profile from configuration (claims in Development, and in Staging with
/// <c>--seed-scale</c>); and <c>script --rollback</c> replayed leaves what <c>rollback</c> leaves.
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

    private string _environment = "Development";

    private Task<RunnerProcess.Result> Run(TestDatabase database, params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "claims", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", database.ConnectionString, "--environment", _environment]);

    private async Task Claims(TestDatabase database, params string[] args)
    {
        var result = await Run(database, args);
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
    }

    [TestCase("Development")]
    [TestCase("Staging", "--seed-scale", "3")]
    public async Task The_reviewed_script_replayed_leaves_what_migrate_and_rollback_leave(string environment, params string[] seedOptions)
    {
        _environment = environment;
        using var replayed = TestDatabase.Create(provider, "replayed");
        using var migrated = TestDatabase.Create(provider, "migrated");
        var reviewed = Path.Combine(_work, "migrate.sql");

        await Claims(replayed, ["script", "--out", reviewed, .. seedOptions]);
        ScriptReplay.Run(replayed, File.ReadAllText(reviewed));
        await Claims(migrated, ["migrate", .. seedOptions]);

        Assert.That(RowSnapshot.Take(migrated).Values.Sum(rows => rows.Count), Is.Positive, $"the {environment} profile seeded rows");
        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)));

        var rollback = Path.Combine(_work, "rollback.sql");
        await Claims(replayed, "script", "--rollback", "--steps", "2", "--out", rollback);
        ScriptReplay.Run(replayed, File.ReadAllText(rollback));
        await Claims(migrated, "rollback", "--steps", "2", "--allow-data-loss");

        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)));
        Assert.That(Harness.JournalVersions(replayed), Has.Count.EqualTo(Harness.JournalVersions(migrated).Count));
    }

    [Test]
    public async Task Scripting_a_generated_data_profile_in_Production_is_refused_as_migrate_refuses_it()
    {
        _environment = "Production";
        using var database = TestDatabase.Create(provider);

        var result = await Run(database, "script", "--profile", "Staging");

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Does.Contain("refusing to run the Staging profile in Production"));
    }
}
