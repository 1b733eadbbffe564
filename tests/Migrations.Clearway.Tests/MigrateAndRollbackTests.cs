using Migrations.Clearway;
using Migrations.Engine;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider) : ClearwayTestBase(provider)
{
    private static readonly long[] SeedOrder =
    [
        ClearwayVersions.Phase1CoreSchema,
        ClearwayVersions.IntegrationExpansionPhase2,
        ClearwayVersions.Phase2CompleteSchema,
        ClearwayVersions.AddMaterializedViews,
    ];

    [Test]
    public async Task Migrate_applies_the_batches_in_the_seeds_stated_order()
    {
        var result = await MigrateAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(SeedOrder));
        Assert.That(result.Applied.Select(a => a.Migration.Description.Split(':')[0]), Is.EqualTo(new[]
        {
            "Phase 1 core MVP tables", "integration_expansion_phase2", "phase2_complete_schema", "add_materialized_views",
        }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(SeedOrder));
    }

    [Test]
    public async Task Migrate_from_empty_to_latest_and_back_to_empty()
    {
        var empty = SchemaSnapshot.Take(Db);
        var runner = Runner();
        await runner.MigrateUpAsync();
        Assert.That(SchemaSnapshot.Tables(Db), Has.Count.EqualTo(28));

        var result = await runner.RollbackToVersionAsync(0);

        Assert.That(result.RolledBack.Select(r => r.Migration.Version), Is.EqualTo(SeedOrder.Reverse()));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
        Assert.That(Harness.JournalVersions(Db), Is.Empty);
    }

    [Test]
    public async Task Every_step_rolls_back_to_exactly_the_schema_before_it()
    {
        var checkedVersions = await Harness.AssertEveryStepReversibleAsync(Db, Runner());

        Assert.That(checkedVersions, Is.EqualTo(SeedOrder));
    }

    [Test]
    public async Task Rolling_back_phase2_complete_drops_exactly_the_tables_of_the_seeds_rollback_block()
    {
        var runner = Runner();
        await runner.MigrateUpAsync(ClearwayVersions.Phase2CompleteSchema);
        var before = SchemaSnapshot.Tables(Db);

        await runner.RollbackAsync(1);

        var dropped = before.Except(SchemaSnapshot.Tables(Db)).Order(StringComparer.Ordinal);
        var seedDrops = Phase2CompleteSchema.SeedRollbackSql.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('"')[1]).Order(StringComparer.Ordinal);
        Assert.That(dropped, Is.EqualTo(seedDrops));
        Assert.That(seedDrops.Count(), Is.EqualTo(19), "the seed's Phase 2 rollback block drops the 19 listed tables");
    }

    [Test]
    public async Task Rolling_back_the_views_keeps_the_data_of_the_base_tables()
    {
        var runner = Runner();
        await runner.MigrateUpAsync();
        Db.User("u1");
        Db.CapitalCall("c1", "u1");

        await runner.RollbackAsync(1);

        Assert.That(Relations("view").Concat(Relations("matview")), Is.Empty);
        Assert.That(Relations("index"), Has.None.StartsWith("idx_"));
        Assert.That(Db.Rows("CapitalCall"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_payment_cannot_be_recorded_against_a_missing_capital_call()
    {
        await MigrateAsync();
        Db.User("u1");

        Assert.That(() => Db.Payment("p1", "missing", "u1"), Throws.InstanceOf<System.Data.Common.DbException>());
    }

    [Test]
    public async Task An_unknown_target_is_refused()
    {
        Assert.That(async () => await MigrateAsync(20251118), Throws.InstanceOf<UnknownVersionException>());
        await Task.CompletedTask;
    }
}
