using Migrations.Engine.Sqlite;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>The CREATE TABLE reader behind rebuilds: it must keep what it does not understand.</summary>
public sealed class SqliteTableDefinitionTests
{
    private const string Sql = """
        CREATE TABLE "t" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL DEFAULT 'a, (b)' COLLATE NOCASE,
          score REAL DEFAULT -1.5, "note" TEXT, -- a comment, with a comma
          CONSTRAINT "FK_t_p" FOREIGN KEY ("pid") REFERENCES "p" ("id") ON DELETE CASCADE, CHECK (score > 0), UNIQUE ("name", note)) STRICT
        """;

    [Test]
    public void Splits_columns_and_constraints_at_top_level_commas_only()
    {
        var table = SqliteTableDefinition.Parse(Sql);

        Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "name", "score", "note" }));
        Assert.That(table.Constraints.Select(c => (c.Name, c.Kind)), Is.EqualTo(new (string?, string)[] { ("FK_t_p", "FOREIGN"), (null, "CHECK"), (null, "UNIQUE") }));
        Assert.That(table.Constraints[0].ReferencedTable, Is.EqualTo("p"));
        Assert.That(table.Constraints[2].Columns, Is.EqualTo(new[] { "name", "note" }));
        Assert.That(table.Suffix, Is.EqualTo("STRICT"));
    }

    [Test]
    public void Reads_nullability_keys_and_defaults_of_columns()
    {
        var table = SqliteTableDefinition.Parse(Sql);

        Assert.That(table.Column("id")!.IsAutoIncrement, Is.True);
        Assert.That(table.Column("name")!.IsNotNull, Is.True);
        Assert.That(table.Column("name")!.DefaultText, Is.EqualTo("'a, (b)'"));
        Assert.That(table.Column("score")!.DefaultText, Is.EqualTo("-1.5"));
        Assert.That(table.Column("note")!.IsNotNull, Is.False);
        Assert.That(table.Column("name")!.WithoutDefault().Sql, Is.EqualTo("\"name\" TEXT NOT NULL COLLATE NOCASE"));
    }

    [Test]
    public void Reads_the_checks_a_column_carries_in_its_type_position()
    {
        var column = SqliteColumnItem.Parse("\"kind\" TEXT CHECK (\"kind\" IN ('a', 'b')) CHECK (length(kind) < 9) NOT NULL DEFAULT 'a'");

        Assert.That(column.CheckClauses, Is.EqualTo(new[] { "CHECK (\"kind\" IN ('a', 'b'))", "CHECK (length(kind) < 9)" }));
        Assert.That(column.IsNotNull, Is.True);
        Assert.That(column.DefaultText, Is.EqualTo("'a'"));
    }

    [Test]
    public void A_new_default_replaces_the_old_one_or_goes_where_FluentMigrator_writes_it()
    {
        Assert.That(SqliteColumnItem.Parse("\"c\" TEXT NOT NULL DEFAULT 'a' COLLATE NOCASE").WithDefault("'b'").Sql, Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT 'b' COLLATE NOCASE"));
        Assert.That(SqliteColumnItem.Parse("\"c\" TEXT NOT NULL").WithDefault("'b'").Sql, Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT 'b'"));
        Assert.That(SqliteColumnItem.Parse("\"c\" INTEGER PRIMARY KEY").WithDefault("0").Sql, Is.EqualTo("\"c\" INTEGER DEFAULT 0 PRIMARY KEY"));
        Assert.That(SqliteColumnItem.Parse("\"c\" TEXT CHECK (c <> '')").WithDefault("'x'").Sql, Is.EqualTo("\"c\" TEXT CHECK (c <> '') DEFAULT 'x'"));
        var replaced = SqliteColumnItem.Parse("\"c\" TEXT NOT NULL DEFAULT 'a'") with { Sql = "\"c\" TEXT" };
        Assert.That(replaced.IsNotNull, Is.False, "a replaced item reads its new text");
    }

    [Test]
    public void Writes_back_under_a_new_name_keeping_every_item()
    {
        var table = SqliteTableDefinition.Parse(Sql);

        var rewritten = SqliteTableDefinition.Parse(table.ToCreateSql("\"_rebuild_t\""));

        Assert.That(rewritten.Columns.Select(c => c.Sql), Is.EqualTo(table.Columns.Select(c => c.Sql)));
        Assert.That(rewritten.Constraints.Select(c => c.Sql), Is.EqualTo(table.Constraints.Select(c => c.Sql)));
        Assert.That(rewritten.Suffix, Is.EqualTo("STRICT"));
    }
}
