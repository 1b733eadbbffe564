using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Tagged;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>The tag truth table on a real database: which migrations each run's tags apply.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class TagsAndProfilesTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(string[] tags, string? profile = null, bool includeUntagged = true) =>
        Harness.Runner(Db, typeof(Untagged).Assembly, typeof(Untagged).Namespace,
            o => o with { Tags = tags, Profile = profile, IncludeUntaggedMigrations = includeUntagged });

    [TestCase(new string[0], new long[] { 1 }, TestName = "No run tags apply only untagged migrations")]
    [TestCase(new[] { "Production" }, new long[] { 1, 2, 4, 5 }, TestName = "Production applies untagged and every migration whose tags include Production")]
    [TestCase(new[] { "Development" }, new long[] { 1, 3 }, TestName = "Development applies untagged and Development")]
    [TestCase(new[] { "Staging" }, new long[] { 1, 4 }, TestName = "Staging applies untagged and the RequireAny migration")]
    [TestCase(new[] { "Production", "EU" }, new long[] { 1, 4, 5 }, TestName = "RequireAll needs every run tag on the migration, RequireAny one of them")]
    public async Task Run_tags_select_the_migrations_of_the_truth_table(string[] tags, long[] expected)
    {
        var result = await Runner(tags).MigrateUpAsync();

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(expected));
        Assert.That(result.Skipped.Select(m => m.Version), Is.EquivalentTo(new long[] { 1, 2, 3, 4, 5 }.Except(expected)));
    }

    [Test]
    public async Task Excluding_untagged_migrations_applies_only_matching_tagged_ones()
    {
        await Runner(["Production"], includeUntagged: false).MigrateUpAsync();

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 2, 4, 5 }));
    }

    [Test]
    public async Task Rollback_undoes_the_newest_applied_migration_even_if_another_environment_skips_it()
    {
        await Runner(["Production"]).MigrateUpAsync();

        var result = await Runner(["Development"]).RollbackAsync();

        Assert.That(result.RolledBack.Single().Migration.Version, Is.EqualTo(5), "the journal decides, not the run's tags");
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 4 }));
    }

    [Test]
    public async Task A_profile_runs_after_every_migrate_and_is_never_journaled()
    {
        await Runner([], profile: "Demo").MigrateUpAsync();
        await Runner([], profile: "Demo").MigrateUpAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"untagged\" WHERE \"id\" = 42"), Is.EqualTo(1));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task Without_the_profile_its_data_is_not_seeded()
    {
        await Runner([]).MigrateUpAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"untagged\""), Is.Zero);
    }

    [Test]
    public async Task An_after_all_maintenance_migration_runs_on_every_migrate_even_with_nothing_pending()
    {
        await Runner([]).MigrateUpAsync();
        await Runner([]).MigrateUpAsync();

        Assert.That(Db.Count("SELECT count(*) FROM \"maintenance_runs\""), Is.EqualTo(2));
    }
}
