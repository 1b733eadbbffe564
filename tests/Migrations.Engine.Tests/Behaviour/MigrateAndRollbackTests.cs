using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, configure);

    [Test]
    public async Task Migrate_applies_every_pending_migration_in_order_and_journals_each()
    {
        var result = await Runner().MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(SchemaSnapshot.Tables(Db), Is.EqualTo(new[] { "Customer", "Order" }));
    }

    [Test]
    public async Task Migrate_twice_does_nothing_the_second_time()
    {
        await Runner().MigrateUpAsync();
        var snapshot = SchemaSnapshot.Take(Db);

        var second = await Runner().MigrateUpAsync();

        Assert.That(second.Applied, Is.Empty);
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(snapshot));
    }

    [Test]
    public async Task Migrate_to_a_target_stops_there()
    {
        await Runner().MigrateUpAsync(target: 2);

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Rollback_of_one_step_keeps_earlier_versions()
    {
        var runner = Runner();
        await runner.MigrateUpAsync(target: 2);
        var atVersionTwo = SchemaSnapshot.Take(Db);
        await runner.MigrateUpAsync();

        var result = await runner.RollbackAsync();

        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(new long[] { 3 }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(atVersionTwo));
    }

    [Test]
    public async Task Rollback_to_a_version_undoes_everything_newer_newest_first()
    {
        var runner = Runner();
        await runner.MigrateUpAsync();

        var result = await runner.RollbackToVersionAsync(1);

        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(new long[] { 3, 2 }));
        Assert.That(SchemaSnapshot.Tables(Db), Is.EqualTo(new[] { "Customer" }));
    }

    [Test]
    public async Task Rollback_to_zero_empties_the_schema_and_keeps_the_journal_table()
    {
        var runner = Runner();
        var empty = SchemaSnapshot.Take(Db);
        await runner.MigrateUpAsync();

        await runner.RollbackToVersionAsync(0);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
        Assert.That(Db.Count($"SELECT count(*) FROM {Db.Journal}"), Is.Zero, "the journal table itself survives a full rollback");
    }

    [Test]
    public async Task Journal_records_checksum_duration_environment_and_who_applied()
    {
        await Runner(o => o with { Environment = "Staging", Tags = ["Staging"], AppliedBy = "ci@runner run 42" }).MigrateUpAsync(target: 1);

        var row = Db.Query($"SELECT \"Description\", \"Checksum\", \"DurationMs\", \"AppliedBy\", \"Environment\", \"Tags\", \"AppliedOn\" FROM {Db.Journal}").Single();
        Assert.That(row[0], Is.EqualTo("create Customer"));
        Assert.That((string)row[1]!, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(0));
        Assert.That(row[3], Is.EqualTo("ci@runner run 42"));
        Assert.That(row[4], Is.EqualTo("Staging"));
        Assert.That(row[5], Is.EqualTo("Staging"));
        Assert.That(row[6], Is.Not.Null);
    }

    [Test]
    public async Task Every_step_rolls_back_to_exactly_the_schema_before_it()
    {
        var checkedVersions = await Harness.AssertEveryStepReversibleAsync(Db, Runner());

        Assert.That(checkedVersions, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Deleting_a_customer_cascades_to_its_orders()
    {
        await Runner().MigrateUpAsync();
        Db.Execute("INSERT INTO \"Customer\" (\"Name\") VALUES ('Ada')");
        var id = Db.Scalar("SELECT \"Id\" FROM \"Customer\"");
        Db.Execute($"INSERT INTO \"Order\" (\"CustomerId\", \"Amount\") VALUES ({id}, 10.50)");

        Db.Execute("DELETE FROM \"Customer\"");

        Assert.That(Db.Count("SELECT count(*) FROM \"Order\""), Is.Zero);
    }
}
