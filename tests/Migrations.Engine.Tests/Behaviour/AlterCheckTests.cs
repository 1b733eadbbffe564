using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Checked;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Altering a column means the same for its CHECK on both providers: kept unless stated, replaced when stated.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class AlterCheckTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner() => Harness.Runner(Db, typeof(CreateTicket).Assembly, typeof(CreateTicket).Namespace);

    [Test]
    public async Task An_alter_that_does_not_mention_the_check_keeps_it()
    {
        await Runner().MigrateUpAsync(target: 2);

        Assert.That(() => Db.Execute("INSERT INTO \"ticket\" VALUES (1, 'archived')"), Throws.Exception);
        Db.Execute("INSERT INTO \"ticket\" VALUES (1, 'closed')");
    }

    [Test]
    public async Task An_alter_that_states_a_check_replaces_the_old_one()
    {
        await Runner().MigrateUpAsync();

        Db.Execute("INSERT INTO \"ticket\" VALUES (1, 'archived')");
        Assert.That(() => Db.Execute("INSERT INTO \"ticket\" VALUES (2, 'lost')"), Throws.Exception);
    }

    // Compared by behaviour, not snapshot: PostgreSQL re-casts a check's stored text whenever ALTER COLUMN restates the type.
    [Test]
    public async Task Rolling_back_restores_the_original_check_and_nullability()
    {
        var runner = Runner();
        await runner.MigrateUpAsync();

        await runner.RollbackToVersionAsync(1);

        Assert.That(() => Db.Execute("INSERT INTO \"ticket\" VALUES (1, 'archived')"), Throws.Exception);
        Assert.That(() => Db.Execute("INSERT INTO \"ticket\" VALUES (2, NULL)"), Throws.Exception);
        Db.Execute("INSERT INTO \"ticket\" VALUES (3, 'open')");
    }
}
