using Migrations.Engine.Running;
using Migrations.Engine.Tests.Running.TestMigrations.Shop;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Running;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigratorTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, typeof(CreateCustomers).Assembly, typeof(CreateCustomers).Namespace, configure);

    [Test]
    public async Task It_migrates_up_rolls_back_one_and_migrates_up_again()
    {
        var result = await Runner().MigrateUpAsync();
        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Db.Count("SELECT count(*) FROM customers"), Is.EqualTo(1));

        await Runner(o => o with { AllowDataLoss = true }).RollbackAsync();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Count("SELECT count(*) FROM customers"), Is.EqualTo(0));

        await Runner().MigrateUpAsync();
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task The_journal_row_carries_checksum_duration_who_environment_and_tags()
    {
        await Runner(o => o with { Environment = "Staging", Tags = ["Staging"], AppliedBy = "ci@runner" }).MigrateUpAsync();
        var row = Db.Query($"SELECT \"Checksum\", \"DurationMs\", \"AppliedBy\", \"Environment\", \"Tags\" FROM {Db.Journal} WHERE \"Version\" = 2").Single();
        Assert.That(row[0] as string, Has.Length.EqualTo(64));
        Assert.That(row[1], Is.Not.Null);
        Assert.That(row.Skip(2), Is.EqualTo(new object[] { "ci@runner", "Staging", "Staging" }));
        Assert.That(await Runner().ValidateAsync(), Is.Empty);
    }

    [Test]
    public async Task Rolling_back_everything_leaves_only_the_journal()
    {
        await Runner().MigrateUpAsync();
        await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(0);
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
        Assert.That(Db.Count(Db.Provider == Provider.Postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT IN ('VersionInfo') AND name NOT LIKE 'sqlite_%'"), Is.EqualTo(0));
    }

    [Test]
    public async Task The_guard_refuses_a_rollback_that_deletes_rows_and_changes_nothing()
    {
        await Runner().MigrateUpAsync();
        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().RollbackAsync());
        Assert.That(error!.Message, Does.Contain("delete rows of customers: 1 row(s)"));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_profile_runs_after_migrate_with_the_run_settings_from_dependency_injection()
    {
        var result = await Runner(o => o with { Profile = "Development", SeedScale = 7 }).MigrateUpAsync();
        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { "DevelopmentCustomers" }));
        Assert.That(Db.Scalar("SELECT name FROM customers WHERE name LIKE 'dev-%'"), Is.EqualTo("dev-7"));
    }

    [Test]
    public async Task A_script_writes_the_sql_and_changes_nothing()
    {
        var script = await Runner().ScriptMigrateAsync();
        Assert.That(script, Does.Contain("CREATE TABLE").And.Contain("customers").And.Contain("VersionInfo"));
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
    }

    [Test]
    public async Task Status_lists_applied_and_pending()
    {
        await Runner().MigrateUpAsync(2);
        var statuses = await Runner().ListMigrationsAsync();
        Assert.That(statuses.Select(s => s.State), Is.EqualTo(new[] { MigrationState.Applied, MigrationState.Applied, MigrationState.Pending }));
    }
}
