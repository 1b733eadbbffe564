using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>The journal against the code: edited, vanished and out-of-order migrations.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ValidationTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner(Func<MigratorOptions, MigratorOptions>? configure = null) =>
        Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace, configure);

    [Test]
    public async Task A_journal_that_matches_the_code_validates_clean()
    {
        await Runner().MigrateUpAsync();

        Assert.That(await Runner().ValidateAsync(), Is.Empty);
    }

    [Test]
    public async Task An_applied_migration_edited_since_is_reported()
    {
        await Runner().MigrateUpAsync();
        Db.Execute($"UPDATE {Db.Journal} SET \"Checksum\" = '{new string('0', 64)}' WHERE \"Version\" = 2");

        var problems = await Runner().ValidateAsync();

        Assert.That(problems.Single().Kind, Is.EqualTo(ValidationProblemKind.ChecksumChanged));
        Assert.That(problems.Single().Message, Does.Contain("2: CreateOrder was edited after it was applied"));
    }

    [Test]
    public async Task An_applied_version_missing_from_the_code_is_reported_and_stops_migrate()
    {
        await Runner().MigrateUpAsync();
        Db.Execute($"INSERT INTO {Db.Journal} (\"Version\", \"Description\") VALUES (99, 'from another branch')");

        var problems = await Runner().ValidateAsync();
        var error = Assert.ThrowsAsync<JournalMismatchException>(() => Runner().MigrateUpAsync());

        Assert.That(problems.Single().Kind, Is.EqualTo(ValidationProblemKind.MissingFromCode));
        Assert.That(error!.Message, Does.Contain("99"));
        Assert.DoesNotThrowAsync(() => Runner(o => o with { AllowMissingApplied = true }).MigrateUpAsync());
    }

    [Test]
    public async Task A_pending_migration_older_than_the_newest_applied_is_reported_and_stops_migrate()
    {
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute($"UPDATE {Db.Journal} SET \"Version\" = 3 WHERE \"Version\" = 1");
        Db.Execute($"INSERT INTO {Db.Journal} (\"Version\", \"Description\") VALUES (1, 'create Customer')");
        Db.Execute($"DELETE FROM {Db.Journal} WHERE \"Version\" = 3");
        await Runner().MigrateUpAsync(target: 1);
        Db.Execute("CREATE TABLE \"Placeholder\" (\"Id\" INTEGER)");
        Db.Execute($"INSERT INTO {Db.Journal} (\"Version\", \"Description\") VALUES (3, 'pretend 3 ran')");

        var problems = await Runner().ValidateAsync();
        var error = Assert.ThrowsAsync<JournalMismatchException>(() => Runner().MigrateUpAsync());

        Assert.That(problems.Select(p => (p.Version, p.Kind)), Is.EqualTo(new[] { (2L, ValidationProblemKind.OutOfOrder) }));
        Assert.That(error!.Message, Does.Contain("2: CreateOrder").And.Contain("older than the newest applied version 3"));
    }

    [Test]
    public async Task Status_lists_applied_and_pending_migrations_with_when_and_by_whom()
    {
        await Runner(o => o with { AppliedBy = "ops@host", Environment = "Production" }).MigrateUpAsync(target: 2);

        var status = await Runner().ListMigrationsAsync();

        Assert.That(status.Select(s => (s.Version, s.State)), Is.EqualTo(new[] { (1L, MigrationState.Applied), (2L, MigrationState.Applied), (3L, MigrationState.Pending) }));
        Assert.That(status[0].AppliedBy, Is.EqualTo("ops@host"));
        Assert.That(status[0].Environment, Is.EqualTo("Production"));
        Assert.That(status[0].AppliedOn, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void An_unknown_target_version_is_refused()
    {
        Assert.ThrowsAsync<UnknownVersionException>(() => Runner().MigrateUpAsync(target: 7));
        Assert.ThrowsAsync<UnknownVersionException>(() => Runner().RollbackToVersionAsync(7));
    }
}
