using Migrations.Engine.Running;
using Migrations.Engine.Tests.Guard.TestMigrations.EmbeddedScripts;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Guard;

/// <summary>An embedded SQL script is measured as FluentMigrator would execute it: its resource, its parameters replaced.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class EmbeddedScriptLossTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(bool allow = false) =>
        Harness.Runner(Db, typeof(CreateLedger).Assembly, typeof(CreateLedger).Namespace, o => o with { AllowDataLoss = allow });

    private void AddEntries()
    {
        Db.Execute("INSERT INTO \"ledger\" VALUES (1, 'opening')");
        Db.Execute("INSERT INTO \"ledger\" VALUES (2, NULL)");
    }

    [Test]
    public async Task An_embedded_script_that_only_creates_passes()
    {
        await Runner().MigrateUpAsync(target: 1);
        AddEntries();

        await Runner().MigrateUpAsync(target: 2);

        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"ledger_total\""), Is.Zero);
    }

    [Test]
    public async Task An_embedded_script_that_drops_a_populated_table_is_refused_naming_it_and_its_rows()
    {
        await Runner().MigrateUpAsync(target: 2);
        AddEntries();

        var error = Assert.ThrowsAsync<DataLossException>(() => Runner().MigrateUpAsync());

        Assert.That(error!.Losses, Is.EqualTo(new[] { $"3: {nameof(DropLedgerByScript)} would drop table ledger: 2 row(s)" }));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(Db.Count("SELECT count(*) FROM \"ledger\""), Is.EqualTo(2));
    }

    [Test]
    public async Task Allowing_data_loss_runs_the_script()
    {
        await Runner().MigrateUpAsync(target: 2);
        AddEntries();

        await Runner(allow: true).MigrateUpAsync();

        Assert.That(SchemaSnapshot.Tables(Db), Does.Not.Contain("ledger"));
    }

    [Test]
    public async Task A_script_of_the_run_marks_the_embedded_drop()
    {
        await Runner().MigrateUpAsync(target: 2);

        var script = await Runner().ScriptMigrateAsync();

        Assert.That(script, Does.Contain("-- DESTRUCTIVE: drop table ledger"));
    }
}
