using Microsoft.Data.Sqlite;
using Migrations.Engine.Tests.Sqlite.TestMigrations.Alterations;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>Each change SQLite cannot make in place, through FluentMigrator's own expressions, on a table with rows.</summary>
public sealed class SqliteAlterationTests() : DatabaseTest(Provider.Sqlite)
{
    private FluentSqlite Fluent => new(Db, typeof(CreateParentsAndChildren).Namespace!);

    private string TableSql(string table) => (string)Db.Scalar($"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")!;

    private object?[] Column(string table, string column) =>
        Db.Query($"SELECT type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}') WHERE name = '{column}'").Single();

    [Test]
    public void Create_ForeignKey_adds_a_restricting_foreign_key_to_a_table_with_rows()
    {
        Fluent.MigrateUp(2);

        var foreignKey = Db.Query("SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('child')").Single();
        Assert.That(foreignKey, Is.EqualTo(new object[] { "parent", "parent_id", "id", "RESTRICT" }));
        Assert.That(TableSql("child"), Does.Contain("CONSTRAINT \"FK_child_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"parent\" (\"id\") ON DELETE RESTRICT"));
        Assert.That(Db.Count("SELECT count(*) FROM child"), Is.EqualTo(3));
        Assert.That(() => Db.Execute("DELETE FROM parent WHERE id = 1"), Throws.InstanceOf<SqliteException>());
        Assert.That(() => Db.Execute("INSERT INTO child (parent_id, qty) VALUES (99, 1)"), Throws.InstanceOf<SqliteException>());
    }

    [Test]
    public void A_named_check_constraint_is_added_and_then_rejects_bad_rows()
    {
        Fluent.MigrateUp(3);

        Assert.That(TableSql("child"), Does.Contain("CONSTRAINT \"CK_child_qty\" CHECK (qty >= 0)"));
        Assert.That(() => Db.Execute("INSERT INTO child (parent_id, qty) VALUES (1, -1)"), Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
    }

    [Test]
    public void Altering_a_column_type_keeps_its_values_index_and_checks()
    {
        Fluent.MigrateUp(4);

        Assert.That(Column("child", "qty"), Is.EqualTo(new object?[] { "NUMERIC", 1L, null, 0L }));
        Assert.That(Db.Query("SELECT qty FROM child ORDER BY id").Select(r => r[0]), Is.EqualTo(new object[] { 5L, 7L, 0L }));
        Assert.That(Db.Count("SELECT count(*) FROM sqlite_master WHERE name = 'IX_child_qty'"), Is.EqualTo(1));
        Assert.That(TableSql("child"), Does.Contain("CHECK (qty >= 0)").And.Contain("ON DELETE RESTRICT"));
    }

    [Test]
    public void Altering_nullability_and_default_rebuilds_once()
    {
        var fluent = Fluent;
        fluent.MigrateUp(4);

        fluent.MigrateUp(5);

        Assert.That(Column("child", "note"), Is.EqualTo(new object?[] { "TEXT", 1L, "'none'", 0L }));
        Assert.That(fluent.Log.Statements.Count(s => s.StartsWith("CREATE TABLE \"_rebuild_child\"", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(() => Db.Execute("INSERT INTO child (parent_id, qty, note) VALUES (1, 1, NULL)"), Throws.InstanceOf<SqliteException>());
        Db.Execute("INSERT INTO child (parent_id, qty) VALUES (1, 1)");
        Assert.That(Db.Scalar("SELECT note FROM child WHERE id = (SELECT max(id) FROM child)"), Is.EqualTo("none"));
    }

    [Test]
    public void A_default_alone_is_replaced_where_it_stands()
    {
        Fluent.MigrateUp(6);

        Assert.That(Column("child", "note"), Is.EqualTo(new object?[] { "TEXT", 1L, "'tbd'", 0L }));
        Assert.That(TableSql("child"), Does.Contain("\"note\" TEXT NOT NULL DEFAULT 'tbd'"));
    }

    [Test]
    public void Deleting_a_default_leaves_the_rest_of_the_column()
    {
        Fluent.MigrateUp(6);

        Fluent.MigrateDown(4);

        Assert.That(Column("child", "note"), Is.EqualTo(new object?[] { "TEXT", 0L, null, 0L }));
    }

    [Test]
    public void A_column_added_with_a_foreign_key_gets_it_in_one_rebuild()
    {
        var fluent = Fluent;
        fluent.MigrateUp(6);

        fluent.MigrateUp(7);

        var foreignKey = Db.Query("SELECT \"from\", on_delete FROM pragma_foreign_key_list('child') WHERE \"table\" = 'parent' AND \"from\" = 'owner_id'").Single();
        Assert.That(foreignKey, Is.EqualTo(new object[] { "owner_id", "SET NULL" }));
        Assert.That(fluent.Log.Statements.Count(s => s.StartsWith("CREATE TABLE \"_rebuild_child\"", StringComparison.Ordinal)), Is.EqualTo(1));
        Db.Execute("UPDATE child SET owner_id = 3 WHERE id = 1");
        Db.Execute("DELETE FROM parent WHERE id = 3");
        Assert.That(Db.Scalar("SELECT owner_id FROM child WHERE id = 1"), Is.Null);
    }

    [Test]
    public void A_primary_key_is_added_to_a_table_created_in_the_same_migration_and_deleted_again()
    {
        Fluent.MigrateUp(8);
        Assert.That(Db.Query("SELECT name FROM pragma_table_info('tag') WHERE pk > 0").Select(r => r[0]), Is.EqualTo(new object[] { "name" }));
        Assert.That(TableSql("tag"), Does.Contain("CONSTRAINT \"PK_tag\" PRIMARY KEY (\"name\")"));
        Assert.That(() => Db.Execute("INSERT INTO tag VALUES ('red')"), Throws.InstanceOf<SqliteException>());

        Fluent.MigrateUp(9);

        Assert.That(Db.Count("SELECT count(*) FROM pragma_table_info('tag') WHERE pk > 0"), Is.Zero);
        Assert.That(Db.Count("SELECT count(*) FROM tag"), Is.EqualTo(2));
    }

    [Test]
    public void Deleting_columns_rebuilds_for_a_checked_column_and_drops_a_plain_one_in_place()
    {
        var fluent = Fluent;
        fluent.MigrateUp(9);

        fluent.MigrateUp(10);

        Assert.That(Db.Query("SELECT name FROM pragma_table_info('child')").Select(r => r[0]), Is.EqualTo(new object[] { "id", "parent_id", "owner_id" }));
        Assert.That(Db.Count("SELECT count(*) FROM sqlite_master WHERE name = 'IX_child_qty'"), Is.Zero, "the dropped column's index went with it");
        Assert.That(TableSql("child"), Does.Not.Contain("CK_child_qty"), "the check naming the column went with it");
        Assert.That(fluent.Log.Statements, Does.Contain("ALTER TABLE \"child\" DROP COLUMN \"note\""));
        Assert.That(Db.Count("SELECT count(*) FROM child"), Is.EqualTo(3));
        Assert.That(Db.Query("PRAGMA foreign_key_check"), Is.Empty);
    }

    [Test]
    public void Every_step_rolls_back_to_exactly_the_schema_before_it()
    {
        var before = SchemaSnapshot.Take(Db);
        for (long version = 1; version <= 9; version++)
        {
            Fluent.MigrateUp(version);
            var after = SchemaSnapshot.Take(Db);

            Fluent.MigrateDown(version - 1);
            Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(before), $"rolling back {version}");

            Fluent.MigrateUp(version);
            Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(after), $"re-applying {version}");
            before = after;
        }
    }
}
