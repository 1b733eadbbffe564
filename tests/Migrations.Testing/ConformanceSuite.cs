using System.Reflection;
using Migrations.Engine.Running;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>
/// What every database must do, written once: each database's test project derives one fixture
/// per provider from this class and then holds only its own facts. Empty -> latest -> empty, every
/// step reversible by a full schema snapshot (under every environment's tags), the journal equal to
/// the code, a second migrate doing nothing, seeds idempotent, and environment tags honoured.
/// </summary>
public abstract class ConformanceSuite(Provider provider) : DatabaseTest(provider)
{
    /// <summary>The database's migrations.</summary>
    protected abstract Assembly MigrationsAssembly { get; }

    /// <summary>Only this namespace's migrations (null: the whole assembly, as the runner loads it).</summary>
    protected virtual string? MigrationsNamespace => null;

    /// <summary>The seeding profiles the database has (each must be idempotent); they must be exactly the code's profiles.</summary>
    protected virtual IEnumerable<string> Profiles => [];

    /// <summary>
    /// The environments as the runner's configuration maps them (appsettings.json): each one's name is
    /// its one tag and the name of its profile; the first is a run with no environment at all.
    /// </summary>
    protected static IReadOnlyList<(string? Name, string[] Tags)> Environments { get; } =
        [(null, []), ("Development", ["Development"]), ("Staging", ["Staging"]), ("Production", ["Production"])];

    /// <summary><see cref="Environments"/> as NUnit cases, named after the environment.</summary>
    protected static IEnumerable<TestCaseData> EnvironmentCases =>
        Environments.Select(e => new TestCaseData(e.Name, e.Tags).SetArgDisplayNames(e.Name ?? "no environment"));

    protected Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, MigrationsAssembly, MigrationsNamespace, o => (configure ?? (x => x))(o with { AllowDataLoss = true }));

    private Migrator RunnerIn(string? environment, string[] tags) => Runner(o => o with { Environment = environment, Tags = tags });

    private static long[] Selected(Migrator runner) => runner.Catalog.Versioned.Where(runner.IsSelected).Select(m => m.Version).ToArray();

    [Test]
    public async Task It_migrates_from_empty_to_latest_and_back_to_empty()
    {
        var empty = SchemaSnapshot.Take(Db);
        var selected = Selected(Runner());
        var up = await Runner().MigrateUpAsync();
        Assert.That(up.Applied.Select(a => a.Migration.Version), Is.EqualTo(selected), "migrate applies every selected migration, oldest first");
        Assert.That(SchemaSnapshot.Tables(Db), Is.Not.Empty, "migrating to latest created no table");
        var down = await Runner().RollbackToVersionAsync(0);
        Assert.That(down.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(selected.Reverse()), "rollback undoes every applied migration, newest first");
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty), "rolling everything back did not restore the empty schema");
    }

    [Test]
    public async Task Every_step_is_reversible()
    {
        // Environment-specific migrations are only selected under their tags, so the check runs once per
        // environment whose selection is not a prefix of another's (a prefix passes through the same states).
        var runs = Environments.Select(e => RunnerIn(e.Name, e.Tags)).Select(r => (Runner: r, Versions: Selected(r))).ToArray();
        var distinct = runs
            .DistinctBy(r => string.Join(",", r.Versions))
            .Where(r => !runs.Any(o => o.Versions.Length > r.Versions.Length && o.Versions.Take(r.Versions.Length).SequenceEqual(r.Versions)))
            .ToArray();
        var empty = SchemaSnapshot.Take(Db);
        var checkedVersions = new HashSet<long>();
        foreach (var (runner, versions) in distinct)
        {
            var checkedHere = await Harness.AssertEveryStepReversibleAsync(Db, runner);
            Assert.That(checkedHere, Is.EqualTo(versions));
            checkedVersions.UnionWith(checkedHere);
            await runner.RollbackToVersionAsync(0);
            Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
        }

        Assert.That(checkedVersions, Is.Not.Empty);
        Assert.That(runs[0].Runner.Catalog.Versioned.Select(m => m.Version).Except(checkedVersions), Is.Empty,
            "a migration no environment selects is never applied anywhere, nor checked");
    }

    [Test]
    public async Task The_journal_equals_the_code_and_a_second_migrate_does_nothing()
    {
        var runner = Runner();
        await runner.MigrateUpAsync();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(Selected(runner)));
        Assert.That(await runner.ValidateAsync(), Is.Empty);
        var schema = SchemaSnapshot.Take(Db);
        var again = await Runner().MigrateUpAsync();
        Assert.That(again.Applied, Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(schema), "a second migrate changed the schema");
    }

    [TestCaseSource(nameof(EnvironmentCases))]
    public async Task Environment_tags_are_honoured(string? environment, string[] tags)
    {
        var runner = RunnerIn(environment, tags);
        var all = runner.Catalog.Versioned.Select(m => m.Version).ToArray();
        var expected = runner.Catalog.Versioned
            .Where(m => m.TagNames.Count == 0 || m.TagNames.Intersect(tags).Any())
            .Select(m => m.Version).ToArray();

        var before = await runner.ListMigrationsAsync();
        var result = await runner.MigrateUpAsync();
        var after = await runner.ListMigrationsAsync();

        Assert.That(before.Select(s => (s.Version, s.State)),
            Is.EqualTo(all.Select(v => (v, expected.Contains(v) ? MigrationState.Pending : MigrationState.Skipped))), "status before migrating");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(expected));
        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(expected));
        Assert.That(result.Skipped.Select(m => m.Version), Is.EquivalentTo(all.Except(expected)));
        Assert.That(result.ProfilesRun, Is.Empty, "no profile configured, none runs");
        Assert.That(after.Select(s => (s.Version, s.State, s.Environment)),
            Is.EqualTo(all.Select(v => expected.Contains(v) ? (v, MigrationState.Applied, environment) : (v, MigrationState.Skipped, (string?)null))),
            "status after migrating, with the environment each one ran under");
    }

    [Test]
    public void The_profiles_are_the_ones_the_code_has()
    {
        Assert.That(Runner().Catalog.Profiles.Select(p => p.Profile).Distinct(), Is.EquivalentTo(Profiles));
    }

    [Test]
    public async Task Every_seeding_profile_is_idempotent()
    {
        foreach (var profile in Profiles)
        {
            // As configuration runs a profile: in the environment of the same name, with its tag.
            Migrator Seeding() => Runner(o => o with { Profile = profile, Environment = profile, Tags = [profile], SeedScale = 20 });
            var result = await Seeding().MigrateUpAsync();
            Assert.That(result.ProfilesRun, Is.Not.Empty, $"no class of the {profile} profile ran");
            var first = RowCounts();
            await Seeding().MigrateUpAsync();
            Assert.That(RowCounts(), Is.EqualTo(first), $"running the {profile} profile twice changed row counts");
            await Runner().RollbackToVersionAsync(0);
        }
    }

    private Dictionary<string, long> RowCounts() =>
        SchemaSnapshot.Tables(Db).ToDictionary(t => t, t => Db.Count($"SELECT count(*) FROM {TestDatabase.Q(t)}"));
}
