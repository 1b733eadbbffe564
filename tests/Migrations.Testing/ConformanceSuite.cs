using System.Reflection;
using Migrations.Engine.Running;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>
/// What every database must do, written once: each database's test project derives one fixture
/// per provider from this class, gives it its facts (the assembly, its versions, which of them
/// are environment-specific, its seeding profiles) and then holds only its own tests. The suite
/// checks empty -> latest -> empty, every step reversible by a full schema snapshot (under every
/// environment's selection), the journal equal to the code, a second migrate doing nothing, seeds
/// idempotent row for row, and environment tags honoured.
/// </summary>
/// <remarks>
/// One database migrated to latest is built once per fixture (<see cref="MigrateOnce"/>) for the
/// checks that only read it; the checks that change the schema each get a fresh database.
/// </remarks>
public abstract partial class ConformanceSuite(Provider provider) : DatabaseTest(provider)
{
    private TestDatabase _latest = null!;
    private RunResult _latestRun = null!;
    private IReadOnlyList<string> _latestSchema = null!;

    /// <summary>The database's migrations.</summary>
    protected abstract Assembly MigrationsAssembly { get; }

    /// <summary>Only this namespace's migrations (null: the whole assembly, as the runner loads it).</summary>
    protected virtual string? MigrationsNamespace => null;

    /// <summary>Every versioned migration the code must have, oldest first (the database's versions class).</summary>
    protected abstract IReadOnlyList<long> Versions { get; }

    /// <summary>The environment-specific migrations and the tags that select them (any one of them); every other migration is untagged.</summary>
    protected virtual IReadOnlyDictionary<long, string[]> TaggedVersions { get; } = new Dictionary<long, string[]>();

    /// <summary>The seeding profiles and the classes each runs, in order; they must be exactly the code's profiles.</summary>
    protected abstract IReadOnlyDictionary<string, string[]> Profiles { get; }

    /// <summary>The --seed-scale the idempotency check seeds at.</summary>
    protected virtual int SeedScale => 20;

    /// <summary>
    /// The environments as the runner's configuration maps them (appsettings.json): each one's name is
    /// its one tag and the name of its profile; the first is a run with no environment at all.
    /// </summary>
    protected static IReadOnlyList<(string? Name, string[] Tags)> Environments { get; } =
        [(null, []), ("Development", ["Development"]), ("Staging", ["Staging"]), ("Production", ["Production"])];

    /// <summary><see cref="Environments"/> as NUnit cases, named after the environment.</summary>
    protected static IEnumerable<TestCaseData> EnvironmentCases =>
        Environments.Select(e => new TestCaseData(e.Name, e.Tags).SetArgDisplayNames(e.Name ?? "no environment"));

    /// <summary>The versions the facts say a run with these tags applies, oldest first.</summary>
    protected long[] Expected(string[] tags) =>
        Versions.Where(v => !TaggedVersions.TryGetValue(v, out var selecting) || selecting.Intersect(tags).Any()).ToArray();

    protected Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) => Runner(Db, configure);

    private Migrator Runner(TestDatabase database, Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(database, MigrationsAssembly, MigrationsNamespace, o => (configure ?? (x => x))(o with { AllowDataLoss = true }));

    private Migrator RunnerIn(string? environment, string[] tags) => Runner(o => o with { Environment = environment, Tags = tags });

    private static long[] Selected(Migrator runner) => runner.Catalog.Versioned.Where(runner.IsSelected).Select(m => m.Version).ToArray();

    [OneTimeSetUp]
    public async Task MigrateOnce()
    {
        _latest = TestDatabase.Create(Provider);
        _latestRun = await Runner(_latest).MigrateUpAsync();
        _latestSchema = SchemaSnapshot.Take(_latest);
    }

    [OneTimeTearDown]
    public void DropLatest() => _latest?.Dispose();

    [Test]
    public void The_code_has_exactly_the_documented_migrations_tags_and_profiles()
    {
        var catalog = Runner().Catalog;

        Assert.That(catalog.Versioned.Select(m => m.Version), Is.EqualTo(Versions), "the versions, oldest first");
        Assert.That(catalog.Versioned.Select(m => (m.Version, Tags: string.Join(",", m.TagNames.Order(StringComparer.Ordinal)))),
            Is.EqualTo(Versions.Select(v => (v, string.Join(",", TaggedVersions.GetValueOrDefault(v, []).Order(StringComparer.Ordinal))))),
            "only the documented environment-specific migrations are tagged, with their tags");
        Assert.That(catalog.Profiles.Select(p => (p.Profile, p.Info.Type.Name)),
            Is.EquivalentTo(Profiles.SelectMany(p => p.Value.Select(c => (p.Key, c)))), "the seeding profiles and their classes");
    }

    [Test]
    public async Task Migrate_applies_every_migration_oldest_first_and_the_journal_equals_the_code()
    {
        var runner = Runner(_latest);

        Assert.That(_latestRun.Applied.Select(a => a.Migration.Version), Is.EqualTo(Expected([])));
        Assert.That(_latestRun.Applied.Select(a => a.Migration.Version), Is.EqualTo(Selected(runner)));
        Assert.That(Harness.JournalVersions(_latest), Is.EqualTo(Expected([])));
        Assert.That(await runner.ValidateAsync(), Is.Empty, "validate finds the journal equal to the code");
        Assert.That((await runner.ListMigrationsAsync()).Where(s => s.State != MigrationState.Skipped).Select(s => s.State),
            Is.All.EqualTo(MigrationState.Applied));
        Assert.That(SchemaSnapshot.Tables(_latest), Is.Not.Empty, "migrating to latest created no table");
    }

    [Test]
    public async Task Drift_finds_the_migrated_database_equal_to_its_migrations()
    {
        // The schema reader must read what the migrations made, built again in a shadow, as identical: any difference is a false alarm users would see.
        var report = await new Migrations.Engine.Schema.SchemaDrift(Runner(_latest).Options).CompareAsync(null, CancellationToken.None);

        Assert.That(report.Differences.Select(d => d.ToString()), Is.Empty);
        Assert.That(report.AppliedMigrations, Is.EqualTo(Expected([]).Length));
        Assert.That(report.ObjectsCompared, Is.GreaterThan(SchemaSnapshot.Tables(_latest).Count), "columns and constraints are compared, not only tables");
    }

    [Test]
    public async Task A_second_migrate_applies_nothing_and_changes_nothing()
    {
        var journal = Harness.JournalVersions(_latest);

        var again = await Runner(_latest).MigrateUpAsync();

        Assert.That(again.Applied, Is.Empty);
        Assert.That(Harness.JournalVersions(_latest), Is.EqualTo(journal));
        Assert.That(SchemaSnapshot.Take(_latest), Is.EqualTo(_latestSchema), "a second migrate changed the schema");
    }

    [Test]
    public async Task It_migrates_from_empty_to_latest_and_back_to_empty()
    {
        var empty = SchemaSnapshot.Take(Db);
        var up = await Runner().MigrateUpAsync();
        Assert.That(up.Applied.Select(a => a.Migration.Version), Is.EqualTo(Expected([])), "migrate applies every selected migration, oldest first");
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(_latestSchema), "the same latest schema every time");

        var down = await Runner().RollbackToVersionAsync(0);

        Assert.That(down.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(Expected([]).Reverse()), "rollback undoes every applied migration, newest first");
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty), "rolling everything back did not restore the empty schema");
    }

    [Test]
    public async Task Every_step_is_reversible()
    {
        // Environment-specific migrations are only selected under their tags, so the check runs once per
        // environment whose selection is not a prefix of another's (a prefix passes through the same states).
        var runs = Environments.Select(e => (Runner: RunnerIn(e.Name, e.Tags), Versions: Expected(e.Tags))).ToArray();
        var distinct = runs
            .DistinctBy(r => string.Join(",", r.Versions))
            .Where(r => !runs.Any(o => o.Versions.Length > r.Versions.Length && o.Versions.Take(r.Versions.Length).SequenceEqual(r.Versions)))
            .ToArray();
        var empty = SchemaSnapshot.Take(Db);
        var checkedVersions = new HashSet<long>();
        foreach (var (runner, versions) in distinct)
        {
            var checkedHere = await Harness.AssertEveryStepReversibleAsync(Db, runner);
            Assert.That(checkedHere, Is.EqualTo(versions), "every step the environment selects is checked");
            checkedVersions.UnionWith(checkedHere);
            await runner.RollbackToVersionAsync(0);
            Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
        }

        Assert.That(checkedVersions, Is.EquivalentTo(Versions), "a migration no environment selects is never applied anywhere, nor checked");
    }

    [TestCaseSource(nameof(EnvironmentCases))]
    public async Task Environment_tags_are_honoured(string? environment, string[] tags)
    {
        var runner = RunnerIn(environment, tags);
        var expected = Expected(tags);

        var before = await runner.ListMigrationsAsync();
        var result = await runner.MigrateUpAsync();
        var after = await runner.ListMigrationsAsync();

        Assert.That(before.Select(s => (s.Version, s.State)),
            Is.EqualTo(Versions.Select(v => (v, expected.Contains(v) ? MigrationState.Pending : MigrationState.Skipped))), "status before migrating");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(expected));
        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(expected));
        Assert.That(result.Skipped.Select(m => m.Version), Is.EquivalentTo(Versions.Except(expected)));
        Assert.That(result.ProfilesRun, Is.Empty, "no profile configured, none runs");
        Assert.That(after.Select(s => (s.Version, s.State, s.Environment)),
            Is.EqualTo(Versions.Select(v => expected.Contains(v) ? (v, MigrationState.Applied, environment) : (v, MigrationState.Skipped, (string?)null))),
            "status after migrating, with the environment each one ran under");
        if (expected.SequenceEqual(Expected([])))
        {
            Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(_latestSchema), "the same migrations give the same schema in every environment");
        }
    }

    [Test]
    public async Task Every_seeding_profile_is_idempotent_row_for_row()
    {
        Assert.That(Profiles, Is.Not.Empty);
        foreach (var (profile, classes) in Profiles)
        {
            // As configuration runs a profile: in the environment of the same name, with its tag; each on its own database.
            using var db = TestDatabase.Create(Provider);
            Migrator Seeding() => Runner(db, o => o with { Profile = profile, Environment = profile, Tags = [profile], SeedScale = SeedScale });

            var first = await Seeding().MigrateUpAsync();
            Assert.That(first.ProfilesRun, Is.EqualTo(classes), $"the {profile} profile's classes ran");
            var rows = RowSnapshot.Take(db);
            Assert.That(rows.Values.Sum(r => r.Count), Is.Positive, $"the {profile} profile wrote no row");

            await Seeding().SeedAsync();
            Assert.That(RowSnapshot.Take(db), Is.EqualTo(rows), $"{profile}: seed after migrate changed rows");
            await Seeding().SeedAsync();
            Assert.That(RowSnapshot.Take(db), Is.EqualTo(rows), $"{profile}: seeding twice changed rows");
            var again = await Seeding().MigrateUpAsync();
            Assert.That(again.Applied, Is.Empty);
            Assert.That(again.ProfilesRun, Is.EqualTo(classes), $"the {profile} profile runs on every migrate");
            Assert.That(RowSnapshot.Take(db), Is.EqualTo(rows), $"{profile}: migrating again changed rows");
        }
    }
}
