using System.Reflection;
using Migrations.Engine.Running;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>
/// What every database must do, written once: each database's test project derives one fixture
/// per provider from this class and then holds only its own facts. Empty -> latest -> empty, every
/// step reversible by a full schema snapshot, the journal equal to the code, a second migrate
/// doing nothing, seeds idempotent, and environment tags honoured.
/// </summary>
public abstract class ConformanceSuite(Provider provider) : DatabaseTest(provider)
{
    /// <summary>The database's migrations.</summary>
    protected abstract Assembly MigrationsAssembly { get; }

    /// <summary>Only this namespace's migrations (null: the whole assembly).</summary>
    protected virtual string? MigrationsNamespace => null;

    /// <summary>The seeding profiles the database has (each must be idempotent).</summary>
    protected virtual IEnumerable<string> Profiles => [];

    /// <summary>The environments' tags, as configuration gives them.</summary>
    protected static IEnumerable<string[]> EnvironmentTags => [["Development"], ["Staging"], ["Production"]];

    protected Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, MigrationsAssembly, MigrationsNamespace, o => (configure ?? (x => x))(o with { AllowDataLoss = true }));

    [Test]
    public async Task It_migrates_from_empty_to_latest_and_back_to_empty()
    {
        var empty = SchemaSnapshot.Take(Db);
        await Runner().MigrateUpAsync();
        Assert.That(SchemaSnapshot.Tables(Db), Is.Not.Empty, "migrating to latest created no table");
        await Runner().RollbackToVersionAsync(0);
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty), "rolling everything back did not restore the empty schema");
    }

    [Test]
    public async Task Every_step_is_reversible()
    {
        var checkedVersions = await Harness.AssertEveryStepReversibleAsync(Db, Runner());
        Assert.That(checkedVersions, Is.Not.Empty);
    }

    [Test]
    public async Task The_journal_equals_the_code_and_a_second_migrate_does_nothing()
    {
        var runner = Runner();
        await runner.MigrateUpAsync();
        var selected = runner.Catalog.Versioned.Where(runner.IsSelected).Select(m => m.Version).ToArray();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(selected));
        Assert.That(await runner.ValidateAsync(), Is.Empty);
        var again = await Runner().MigrateUpAsync();
        Assert.That(again.Applied, Is.Empty);
    }

    [TestCaseSource(nameof(EnvironmentTags))]
    public async Task Environment_tags_are_honoured(string[] tags)
    {
        var runner = Runner(o => o with { Tags = tags });
        var result = await runner.MigrateUpAsync();
        var expected = runner.Catalog.Versioned
            .Where(m => m.TagNames.Count == 0 || m.TagNames.Intersect(tags).Any())
            .Select(m => m.Version).ToArray();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(expected));
        Assert.That(result.Skipped.Select(m => m.Version), Is.EquivalentTo(runner.Catalog.Versioned.Select(m => m.Version).Except(expected)));
    }

    [Test]
    public async Task Every_seeding_profile_is_idempotent()
    {
        foreach (var profile in Profiles)
        {
            await Runner(o => o with { Profile = profile, SeedScale = 20, Tags = [profile] }).MigrateUpAsync();
            var first = RowCounts();
            await Runner(o => o with { Profile = profile, SeedScale = 20, Tags = [profile] }).MigrateUpAsync();
            Assert.That(RowCounts(), Is.EqualTo(first), $"running the {profile} profile twice changed row counts");
            await Runner().RollbackToVersionAsync(0);
        }
    }

    private Dictionary<string, long> RowCounts() =>
        SchemaSnapshot.Tables(Db).ToDictionary(t => t, t => Db.Count($"SELECT count(*) FROM {TestDatabase.Q(t)}"));
}
