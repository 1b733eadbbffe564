using Migrations.Engine.Tests.Sqlite.TestMigrations.ColumnChecks;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Altering a column means for its CHECK what it means on PostgreSQL: kept unless the alter states one, replaced when it does.</summary>
public sealed class SqliteColumnCheckTests() : DatabaseTest(Provider.Sqlite)
{
    private FluentSqlite Fluent => new(Db, typeof(CreateTicket).Namespace!);

    [Test]
    public void An_alter_that_does_not_mention_the_check_keeps_it()
    {
        Fluent.MigrateUp(2);

        Assert.That(() => Db.Execute("INSERT INTO ticket VALUES (1, 'archived')"), Throws.Exception);
        Db.Execute("INSERT INTO ticket VALUES (1, NULL)");
    }

    [Test]
    public void An_alter_that_states_a_check_replaces_the_old_one_and_keeps_nullability()
    {
        Fluent.MigrateUp();

        Db.Execute("INSERT INTO ticket VALUES (1, 'archived')");
        Db.Execute("INSERT INTO ticket VALUES (2, NULL)");
        Assert.That(() => Db.Execute("INSERT INTO ticket VALUES (3, 'lost')"), Throws.Exception);
        Assert.That((string)Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'ticket'")!,
            Does.Contain("\"state\" TEXT CHECK (\"state\" IN ('open', 'closed', 'archived'))").And.Not.Contain("'open', 'closed')"));
    }

    [Test]
    public void Rolling_back_restores_the_original_table_exactly()
    {
        Fluent.MigrateUp(1);
        var before = SchemaSnapshot.Take(Db);
        Fluent.MigrateUp();

        Fluent.MigrateDown(1);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before));
    }
}
