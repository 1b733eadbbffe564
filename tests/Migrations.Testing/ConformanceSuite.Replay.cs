using Migrations.Engine.Running;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>
/// The reviewed script is what runs: in each deploying environment (its tags and its profile, as
/// configuration maps them), <c>script</c> replayed by the command-line client on one fresh
/// database and <c>migrate</c> on another leave the two exactly alike (<see cref="DatabaseState"/>),
/// and so do <c>script --rollback</c> replayed and <c>rollback</c>, over half the applied migrations.
/// </summary>
public abstract partial class ConformanceSuite
{
    /// <summary>The --seed-scale of the Staging replay: small, the rows' shape is what counts.</summary>
    protected virtual int ReplaySeedScale => 2;

    protected static IEnumerable<TestCaseData> DeployingEnvironments =>
        Environments.Where(e => e.Name is not null).Select(e => new TestCaseData(e.Name).SetArgDisplayNames(e.Name!));

    private Migrator ReplayRunner(TestDatabase database, string environment) => Runner(database, o => o with
    {
        Environment = environment, Tags = [environment], Profile = environment, SeedScale = ReplaySeedScale,
    });

    [TestCaseSource(nameof(DeployingEnvironments))]
    public async Task Script_replayed_leaves_the_database_migrate_and_rollback_leave(string environment)
    {
        using var replayed = TestDatabase.Create(Provider, "replayed");
        using var migrated = TestDatabase.Create(Provider, "migrated");
        Migrator In(TestDatabase database) => ReplayRunner(database, environment);

        ScriptReplay.Run(replayed, await In(replayed).ScriptMigrateAsync());
        var applied = (await In(migrated).MigrateUpAsync()).Applied.Count;

        Assert.That(applied, Is.EqualTo(Expected([environment]).Length));
        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)), $"{environment}: the replayed script and migrate differ");

        var steps = Math.Max(1, applied / 2);
        ScriptReplay.Run(replayed, await In(replayed).ScriptRollbackAsync(steps, toVersion: null));
        await In(migrated).RollbackAsync(steps);

        Assert.That(Harness.JournalVersions(migrated), Has.Count.EqualTo(applied - steps));
        Assert.That(DatabaseState.Take(replayed), Is.EqualTo(DatabaseState.Take(migrated)), $"{environment}: the replayed rollback script and rollback differ");
    }

    [Test]
    public async Task A_script_that_lost_one_generated_statement_is_told_apart_from_migrate()
    {
        // The comparison must catch a generator step that goes wrong: here the Development script loses its last row INSERT.
        using var replayed = TestDatabase.Create(Provider, "replayed");
        using var migrated = TestDatabase.Create(Provider, "migrated");
        var script = await ReplayRunner(replayed, "Development").ScriptMigrateAsync();
        var broken = WithoutLastRowInsert(script);
        Assert.That(broken, Has.Length.LessThan(script.Length), "the Development script inserts no row outside the journal");

        ScriptReplay.Run(replayed, broken);
        await ReplayRunner(migrated, "Development").MigrateUpAsync();

        Assert.That(DatabaseState.Take(replayed), Is.Not.EqualTo(DatabaseState.Take(migrated)));
    }

    private static string WithoutLastRowInsert(string script)
    {
        var lines = script.Split('\n').ToList();
        var start = lines.FindLastIndex(l => l.StartsWith("INSERT INTO ", StringComparison.Ordinal) && !l.Contains("VersionInfo", StringComparison.Ordinal));
        if (start < 0)
        {
            return script;
        }

        var end = lines.FindIndex(start, l => l.TrimEnd().EndsWith(';'));
        lines.RemoveRange(start, end - start + 1);
        return string.Join('\n', lines);
    }
}
