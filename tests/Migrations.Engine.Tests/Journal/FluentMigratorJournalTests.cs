using Migrations.Engine.Journal;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Journal;

/// <summary>
/// The three-column journal FluentMigrator 8.0.1's own runner writes, where it writes it (in
/// <c>public</c> on PostgreSQL): read as it is, upgraded in place by the first write, never an
/// error (issue 13; issue 14, item 8).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class FluentMigratorJournalTests(Provider provider) : JournalTest(provider)
{
    [Test]
    public void FluentMigrators_own_journal_has_exactly_its_three_columns()
    {
        FluentMigratorAppliedTheFirst();

        Assert.That(JournalSnapshot.Columns(Db, FluentMigratorsSchema), Is.EqualTo(JournalLayout.FluentMigratorColumns));
    }

    [Test]
    public async Task Status_and_validate_read_it_as_it_is_and_change_nothing()
    {
        FluentMigratorAppliedTheFirst();
        var before = JournalSnapshot.Take(Db, FluentMigratorsSchema);

        var status = await Runner().ListMigrationsAsync();
        var problems = await Runner().ValidateAsync();

        Assert.That(status.JournalExists, Is.True);
        Assert.That(status.Journal, Is.EqualTo(Provider == Provider.Postgres ? "public.\"VersionInfo\"" : "\"VersionInfo\""), "named where it is");
        Assert.That(status.Select(s => (s.Version, s.State)), Is.EqualTo(new[] { (1L, MigrationState.Applied), (2L, MigrationState.Pending), (3L, MigrationState.Pending) }));
        Assert.That(status[0].AppliedOn, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)), "FluentMigrator's AppliedOn is read");
        Assert.That(status[0].AppliedBy, Is.Null, "an absent column reads as null");
        Assert.That(problems, Is.Empty, "no checksum recorded: nothing to compare");
        Assert.That(JournalSnapshot.Take(Db, FluentMigratorsSchema), Is.EqualTo(before), "read-only commands never upgrade the journal");
        Assert.That(MigrationsSchemaExists, Is.False, "nothing was created beside it");
    }

    [Test]
    public async Task Migrate_adds_the_missing_columns_in_place_keeps_the_old_rows_and_writes_full_rows()
    {
        FluentMigratorAppliedTheFirst();
        var appliedOn = Db.Scalar($"SELECT \"AppliedOn\" FROM {FluentMigratorsJournal} WHERE \"Version\" = 1");

        var result = await Runner(o => o with { AppliedBy = "ci@runner" }).MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new long[] { 2, 3 }), "1 is not applied again");
        Assert.That(JournalSnapshot.Columns(Db, FluentMigratorsSchema), Is.EqualTo(JournalLayout.AllColumns));
        Assert.That(MigrationsSchemaExists, Is.False, "upgraded where it is, no second journal");
        Assert.That(Db.Scalar($"SELECT \"AppliedOn\" FROM {FluentMigratorsJournal} WHERE \"Version\" = 1"), Is.EqualTo(appliedOn), "the old row is kept as it was");
        Assert.That(Db.Scalar($"SELECT \"AppliedBy\" FROM {FluentMigratorsJournal} WHERE \"Version\" = 3"), Is.EqualTo("ci@runner"));
        Assert.That(Db.Scalar($"SELECT \"Checksum\" FROM {FluentMigratorsJournal} WHERE \"Version\" = 3") as string, Has.Length.EqualTo(64));
        Assert.That(await Runner().ValidateAsync(), Is.Empty);
        Assert.That((await Runner(o => o with { AllowDataLoss = true }).RollbackToVersionAsync(0)).RolledBack, Has.Count.EqualTo(3), "the upgraded journal rolls back too");
        Assert.That(FluentMigratorsVersions(), Is.Empty);
    }

    [Test]
    public async Task Rollback_upgrades_it_and_undoes_the_migration_FluentMigrator_applied()
    {
        FluentMigratorAppliedTheFirst();

        var result = await Runner().RollbackAsync();

        Assert.That(result.RolledBack.Single().Migration.Version, Is.EqualTo(1));
        Assert.That(FluentMigratorsVersions(), Is.Empty);
        Assert.That(JournalSnapshot.Columns(Db, FluentMigratorsSchema), Is.EqualTo(JournalLayout.AllColumns));
        Assert.That(SchemaSnapshot.Tables(Db), Has.No.Member("Customer"));
    }

    [Test]
    public async Task FluentMigrators_own_runner_still_works_on_the_upgraded_journal()
    {
        FluentMigratorAppliedTheFirst();
        await Runner().MigrateUpAsync(target: 2);

        PlainFluentMigrator.MigrateUp(Db, typeof(Behaviour.TestMigrations.Basic.CreateCustomer).Assembly, typeof(Behaviour.TestMigrations.Basic.CreateCustomer).Namespace, 3);

        Assert.That(FluentMigratorsVersions(), Is.EqualTo(new long[] { 1, 2, 3 }), "it read our rows and applied only 3");
        Assert.That((await Runner().ListMigrationsAsync()).All(s => s.State == MigrationState.Applied), Is.True);
    }
}
