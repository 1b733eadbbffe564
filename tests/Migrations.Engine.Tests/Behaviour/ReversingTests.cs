using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Irreversible;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Reversing;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ReversingTests(Provider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task An_auto_reversing_migration_undoes_tables_keys_indexes_renames_and_rows()
    {
        var runner = Harness.Runner(Db, typeof(AutoReversed).Assembly, typeof(AutoReversed).Namespace, o => o with { AllowDataLoss = true });
        var empty = SchemaSnapshot.Take(Db);
        await runner.MigrateUpAsync(target: 1);
        Assert.That(Db.Count("SELECT count(*) FROM \"Team\""), Is.EqualTo(2));
        Assert.That(Db.Count("SELECT count(*) FROM \"Player\" WHERE \"Handle\" IS NULL"), Is.Zero, "the renamed column exists");

        await runner.RollbackAsync();

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(empty));
    }

    [Test]
    public async Task Undoing_an_auto_reversing_migration_that_inserted_rows_needs_data_loss_allowed()
    {
        var runner = Harness.Runner(Db, typeof(AutoReversed).Assembly, typeof(AutoReversed).Namespace);
        await runner.MigrateUpAsync(target: 1);

        var error = Assert.ThrowsAsync<DataLossException>(() => runner.RollbackAsync());

        Assert.That(error!.Losses, Has.Some.Contains("delete table \"Team\": 2 row(s)"));
    }

    [Test]
    public async Task Rolling_back_across_a_forward_only_migration_is_refused_before_anything_runs()
    {
        var runner = Harness.Runner(Db, typeof(AutoReversed).Assembly, typeof(AutoReversed).Namespace);
        await runner.MigrateUpAsync();
        var before = SchemaSnapshot.Take(Db);

        var error = Assert.ThrowsAsync<IrreversibleMigrationException>(() => runner.RollbackToVersionAsync(0));

        Assert.That(error!.Message, Does.Contain("2: OneWay").And.Contain("forward-only"));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
        Assert.That(Db.Count("SELECT count(*) FROM \"Team\""), Is.EqualTo(3));
    }

    [Test]
    public void An_auto_reversing_migration_without_a_reverse_is_rejected_when_loaded()
    {
        var runner = Harness.Runner(Db, typeof(WidenName).Assembly, typeof(WidenName).Namespace);

        var error = Assert.ThrowsAsync<InvalidMigrationException>(() => runner.MigrateUpAsync());

        Assert.That(error!.Message, Does.Contain("2: WidenName").And.Contain("cannot be automatically reversed"));
        Assert.That(Harness.JournalVersions(Db), Is.Empty, "nothing ran, not even migration 1");
        Assert.ThrowsAsync<InvalidMigrationException>(() => runner.ValidateAsync());
        Assert.ThrowsAsync<InvalidMigrationException>(() => runner.ScriptMigrateAsync());
    }
}
