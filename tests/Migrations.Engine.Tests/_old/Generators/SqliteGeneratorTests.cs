using Migrations.Engine.Dialects;
using Migrations.Engine.Dialects.Sqlite;
using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Tests.Generators;

/// <summary>Each expression's exact SQLite SQL, and the loud failures for what SQLite cannot do.</summary>
public sealed class SqliteGeneratorTests
{
    private readonly SqliteGenerator _generator = new();

    private string[] Sql(MigrationExpression expression) => _generator.Generate(expression).Select(s => s.Sql).ToArray();

    private static ColumnDefinition Column(string name, ColumnKind kind, int? size = null) => new() { Name = name, Type = new ColumnType(kind, size) };

    [Test]
    public void Create_table_inlines_identity_primary_key_and_foreign_keys()
    {
        var table = new CreateTableExpression(null, "Order",
        [
            Column("Id", ColumnKind.Int64) with { IsPrimaryKey = true, IsIdentity = true },
            Column("CustomerId", ColumnKind.Int32) with
            {
                ForeignKey = new ForeignKeyDefinition { ForeignTable = "Order", ForeignColumns = ["CustomerId"], PrimaryTable = "Customer", PrimaryTableSchema = "x", PrimaryColumns = ["Id"], OnDelete = ForeignKeyRule.Cascade },
            },
            Column("Role", ColumnKind.Enum) with { Type = ColumnType.Enum("MessageRole", ["user", "tool"]) },
        ]);

        Assert.That(Sql(table), Is.EqualTo(new[]
        {
            "CREATE TABLE \"Order\" (\"Id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"CustomerId\" INTEGER NOT NULL, " +
            "\"Role\" TEXT NOT NULL CHECK (\"Role\" IN ('user', 'tool')), " +
            "CONSTRAINT \"FK_Order_CustomerId_Customer_Id\" FOREIGN KEY (\"CustomerId\") REFERENCES \"Customer\" (\"Id\") ON DELETE CASCADE)",
        }));
    }

    [Test]
    public void Composite_primary_key_is_a_named_table_constraint()
    {
        var table = new CreateTableExpression(null, "Member",
        [
            Column("A", ColumnKind.Guid) with { IsPrimaryKey = true },
            Column("B", ColumnKind.Guid) with { IsPrimaryKey = true, PrimaryKeyName = "PK_Member_AB" },
        ]);

        Assert.That(Sql(table), Is.EqualTo(new[] { "CREATE TABLE \"Member\" (\"A\" TEXT NOT NULL, \"B\" TEXT NOT NULL, CONSTRAINT \"PK_Member_AB\" PRIMARY KEY (\"A\", \"B\"))" }));
    }

    [TestCase(ColumnKind.Boolean, "INTEGER")]
    [TestCase(ColumnKind.Int64, "INTEGER")]
    [TestCase(ColumnKind.String, "TEXT")]
    [TestCase(ColumnKind.Guid, "TEXT")]
    [TestCase(ColumnKind.DateTime, "TEXT")]
    [TestCase(ColumnKind.DateTimeOffset, "TEXT")]
    [TestCase(ColumnKind.Binary, "BLOB")]
    [TestCase(ColumnKind.Decimal, "NUMERIC")]
    [TestCase(ColumnKind.Double, "REAL")]
    public void Maps_portable_types(ColumnKind kind, string expected) => Assert.That(_generator.TypeSql(new ColumnType(kind)), Is.EqualTo(expected));

    [TestCase("jsonb", "TEXT")]
    [TestCase("uuid", "TEXT")]
    [TestCase("text[]", "TEXT")]
    [TestCase("varchar(12)", "TEXT")]
    [TestCase("numeric(10,2)", "NUMERIC")]
    [TestCase("bigint", "INTEGER")]
    [TestCase("geometry", "geometry")]
    public void Maps_postgres_custom_types_to_sqlite_storage(string custom, string expected) =>
        Assert.That(_generator.TypeSql(ColumnType.Custom(custom)), Is.EqualTo(expected));

    [Test]
    public void Defaults_wrap_expressions_in_parentheses_and_render_booleans_as_integers()
    {
        string ColumnWith(object? value) => _generator.ColumnSql("t", Column("c", ColumnKind.String) with { Default = new ColumnDefault(value) }, true);

        Assert.That(ColumnWith(true), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT 1"));
        Assert.That(ColumnWith(SystemMethods.CurrentUTCDateTime), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP"));
        Assert.That(ColumnWith(RawSql.Insert("datetime('now', '+72 hours')")), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT (datetime('now', '+72 hours'))"));
        Assert.That(ColumnWith(SystemMethods.NewGuid), Does.StartWith("\"c\" TEXT NOT NULL DEFAULT (lower(hex(randomblob(4)))"));
        Assert.Throws<UnsupportedOperationException>(() => ColumnWith(SystemMethods.CurrentUser));
    }

    [Test]
    public void In_place_changes()
    {
        Assert.That(Sql(new CreateColumnExpression(null, "t", Column("c", ColumnKind.Int32) with { IsNullable = true })), Is.EqualTo(new[] { "ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER" }));
        Assert.That(Sql(new RenameTableExpression("ignored", "a", "b")), Is.EqualTo(new[] { "ALTER TABLE \"a\" RENAME TO \"b\"" }));
        Assert.That(Sql(new RenameColumnExpression(null, "t", "a", "b")), Is.EqualTo(new[] { "ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\"" }));
        Assert.That(Sql(new DeleteColumnExpression(null, "t", ["c"])), Is.EqualTo(new[] { "ALTER TABLE \"t\" DROP COLUMN \"c\"" }));
        Assert.That(Sql(new DeleteTableExpression(null, "t")), Is.EqualTo(new[] { "DROP TABLE \"t\"" }));
    }

    [Test]
    public void Indexes_and_unique_constraints_are_indexes()
    {
        var index = new IndexDefinition { TableName = "t", Columns = [new IndexColumn("a"), new IndexColumn("b", true)], Filter = "a IS NOT NULL", Concurrently = true };
        Assert.That(Sql(new CreateIndexExpression(index)), Is.EqualTo(new[] { "CREATE INDEX \"IX_t_a_b\" ON \"t\" (\"a\" ASC, \"b\" DESC) WHERE a IS NOT NULL" }));
        Assert.That(Sql(new DeleteIndexExpression(null, "t", "IX_t_a_b")), Is.EqualTo(new[] { "DROP INDEX \"IX_t_a_b\"" }));
        var unique = new ConstraintDefinition { Kind = ConstraintKind.Unique, TableName = "t", Columns = ["a", "b"] };
        Assert.That(Sql(new CreateConstraintExpression(unique)), Is.EqualTo(new[] { "CREATE UNIQUE INDEX \"UC_t_a_b\" ON \"t\" (\"a\", \"b\")" }));
        Assert.That(Sql(new DeleteConstraintExpression(unique)), Is.EqualTo(new[] { "DROP INDEX \"UC_t_a_b\"" }));
    }

    [Test]
    public void Enums_create_nothing_because_columns_carry_their_check()
    {
        Assert.That(Sql(new CreateEnumExpression(null, "MessageRole", ["user"])), Is.Empty);
        Assert.That(Sql(new DeleteEnumExpression(null, "MessageRole")), Is.Empty);
    }

    [Test]
    public void Data_statements_use_sqlite_literals() =>
        Assert.That(Sql(new InsertDataExpression(null, "t", [[new("flag", true), new("blob", new byte[] { 1, 2 }), new("at", new DateTime(2025, 1, 2, 3, 4, 5))]])), Is.EqualTo(new[]
        {
            "INSERT INTO \"t\" (\"flag\", \"blob\", \"at\") VALUES (1, X'0102', '2025-01-02 03:04:05')",
        }));

    [Test]
    public void What_sqlite_cannot_do_fails_loudly_naming_the_dialect_and_operation()
    {
        var sequence = Assert.Throws<UnsupportedOperationException>(() => Sql(new CreateSequenceExpression(new SequenceDefinition { Name = "s" })));
        Assert.That(sequence!.Message, Does.Contain("SQLite").And.Contain("create sequence"));
        Assert.Throws<UnsupportedOperationException>(() => Sql(new CreateSchemaExpression("auth")));
        var identity = Assert.Throws<UnsupportedOperationException>(() => Sql(new CreateColumnExpression(null, "t", Column("n", ColumnKind.Int32) with { IsIdentity = true })));
        Assert.That(identity!.Message, Does.Contain("INTEGER PRIMARY KEY"));
    }
}
