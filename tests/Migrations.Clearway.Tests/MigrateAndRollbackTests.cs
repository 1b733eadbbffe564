using Migrations.Clearway;
using Migrations.Engine;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>
/// clearway's own facts about its batches. Their order (the seeds' stated order), the journal, the
/// rollback to empty and every step's reversibility are the conformance suite's (<see cref="ClearwayConformanceTests"/>).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class MigrateAndRollbackTests(Provider provider) : ClearwayTestBase(provider)
{
    [Test]
    public async Task Migrate_applies_the_batches_under_the_seeds_names()
    {
        var result = await MigrateAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Description.Split(':')[0]), Is.EqualTo(new[]
        {
            "Phase 1 core MVP tables", "integration_expansion_phase2", "phase2_complete_schema", "add_materialized_views",
        }));
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
