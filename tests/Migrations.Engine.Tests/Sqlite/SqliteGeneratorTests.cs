using System.Data;
using FluentMigrator;
using FluentMigrator.Builders.Create.ForeignKey;
using FluentMigrator.Exceptions;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using FluentMigrator.Postgres;
using FluentMigrator.Runner.Generators;
using Microsoft.Extensions.Options;
using Migrations.Engine.Authoring;
using Migrations.Engine.Sqlite;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>The exact SQL our SQLite generator writes for FluentMigrator's expressions (names as FluentMigrator's conventions give them), and its loud refusals.</summary>
public sealed class SqliteGeneratorTests
{
    private readonly SqliteGenerator _generator = new(new SqliteTypeMap(), Options.Create(new GeneratorOptions()));

    private static ColumnDefinition Column(string name, DbType type, bool? nullable = null) => new() { Name = name, Type = type, IsNullable = nullable };

    [Test]
    public void Create_table_inlines_the_identity_primary_key_and_writes_foreign_keys_and_enum_checks_as_the_old_engine_did()
    {
        var foreignKey = new ForeignKeyDefinition
        {
            Name = "FK_Order_CustomerId_Customer_Id", ForeignTable = "Order", ForeignColumns = ["CustomerId"],
            PrimaryTable = "Customer", PrimaryTableSchema = "x", PrimaryColumns = ["Id"], OnDelete = Rule.Cascade,
        };
        var role = new ColumnDefinition { Name = "Role", CustomType = "\"MessageRole\"" };
        role.AdditionalFeatures[MigrationFeatures.EnumColumn] = new EnumColumn(null, "MessageRole", ["user", "tool"]);
        var id = Column("Id", DbType.Int64);
        id.IsPrimaryKey = true;
        id.IsIdentity = true;
        id.PrimaryKeyName = "PK_Order";
        var customer = Column("CustomerId", DbType.Int32);
        customer.IsForeignKey = true;
        customer.ForeignKey = foreignKey;
        var table = new CreateTableExpression { TableName = "Order", Columns = [id, customer, role] };

        Assert.That(_generator.Generate(table), Is.EqualTo(
            "CREATE TABLE \"Order\" (\"Id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \"CustomerId\" INTEGER NOT NULL, " +
            "\"Role\" TEXT CHECK (\"Role\" IN ('user', 'tool')) NOT NULL, " +
            "CONSTRAINT \"FK_Order_CustomerId_Customer_Id\" FOREIGN KEY (\"CustomerId\") REFERENCES \"Customer\" (\"Id\") ON DELETE CASCADE);"));
        Assert.That(_generator.Generate(new CreateForeignKeyExpression { ForeignKey = foreignKey }), Is.Empty, "the foreign key was written with its table");
        Assert.That(foreignKey.Name, Is.EqualTo("FK_Order_CustomerId_Customer_Id"), "the caller's definition is left as it was");
        Assert.That(customer.IsPrimaryKey || role.Type is not null, Is.False);
    }

    [Test]
    public void A_composite_primary_key_is_a_named_table_constraint()
    {
        var a = Column("A", DbType.Guid);
        var b = Column("B", DbType.Guid);
        foreach (var column in new[] { a, b })
        {
            column.IsPrimaryKey = true;
            column.PrimaryKeyName = "PK_Member";
        }

        Assert.That(_generator.Generate(new CreateTableExpression { TableName = "Member", Columns = [a, b] }),
            Is.EqualTo("CREATE TABLE \"Member\" (\"A\" TEXT NOT NULL, \"B\" TEXT NOT NULL, CONSTRAINT \"PK_Member\" PRIMARY KEY (\"A\", \"B\"));"));
    }

    [Test]
    public void Unique_is_left_to_its_unique_index_and_a_check_travels_with_the_type()
    {
        var code = Column("code", DbType.String);
        code.IsUnique = true;
        code.AdditionalFeatures[MigrationFeatures.ColumnCheck] = "length(code) > 2";
        var table = new CreateTableExpression { TableName = "t", Columns = [code] };

        Assert.That(_generator.Generate(table), Is.EqualTo("CREATE TABLE \"t\" (\"code\" TEXT CHECK (length(code) > 2) NOT NULL);"));
        Assert.That(code.IsUnique, Is.True, "the caller's definition is left as it was");
    }

    // The old engine's names (Dialects/Sqlite/SqliteGenerator.TypeSql), which five databases' schemas keep.
    [TestCase(DbType.Boolean, "INTEGER")]
    [TestCase(DbType.Byte, "INTEGER")]
    [TestCase(DbType.Int16, "INTEGER")]
    [TestCase(DbType.Int32, "INTEGER")]
    [TestCase(DbType.Int64, "INTEGER")]
    [TestCase(DbType.String, "TEXT")]
    [TestCase(DbType.AnsiString, "TEXT")]
    [TestCase(DbType.StringFixedLength, "TEXT")]
    [TestCase(DbType.AnsiStringFixedLength, "TEXT")]
    [TestCase(DbType.Xml, "TEXT")]
    [TestCase(DbType.Guid, "TEXT")]
    [TestCase(DbType.Date, "TEXT")]
    [TestCase(DbType.Time, "TEXT")]
    [TestCase(DbType.DateTime, "TEXT")]
    [TestCase(DbType.DateTime2, "TEXT")]
    [TestCase(DbType.DateTimeOffset, "TEXT")]
    [TestCase(DbType.Binary, "BLOB")]
    [TestCase(DbType.Decimal, "NUMERIC")]
    [TestCase(DbType.Currency, "NUMERIC")]
    [TestCase(DbType.Double, "REAL")]
    [TestCase(DbType.Single, "REAL")]
    public void Maps_each_portable_type_to_the_old_engines_storage_class(DbType type, string expected) =>
        Assert.That(_generator.Columns.TypeName(new ColumnDefinition { Type = type, Size = 40, Precision = 2 }), Is.EqualTo(expected));

    [Test]
    public void Every_DbType_has_a_SQLite_type([Values] DbType type) =>
        Assert.That(new SqliteTypeMap().GetTypeMap(type, 10, 2), Is.Not.Empty);

    [TestCase("jsonb", "TEXT")]
    [TestCase("uuid", "TEXT")]
    [TestCase("timestamptz", "TEXT")]
    [TestCase("text[]", "TEXT")]
    [TestCase("varchar(12)", "TEXT")]
    [TestCase("numeric(10,2)", "NUMERIC")]
    [TestCase("bigint", "INTEGER")]
    [TestCase("geometry", "geometry")]
    public void Maps_PostgreSQL_names_given_to_AsCustom_to_SQLite_storage(string custom, string expected)
    {
        Assert.That(_generator.Columns.TypeName(new ColumnDefinition { CustomType = custom }), Is.EqualTo(expected));
        Assert.That(_generator.ColumnSql(new ColumnDefinition { Name = "c", CustomType = custom, IsNullable = true }), Is.EqualTo($"\"c\" {expected}"));
    }

    [Test]
    public void Defaults_wrap_expressions_in_parentheses_and_write_booleans_as_integers()
    {
        string ColumnWith(object value) => _generator.ColumnSql(new ColumnDefinition { Name = "c", Type = DbType.String, DefaultValue = value });

        Assert.That(ColumnWith(true), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT 1"));
        Assert.That(ColumnWith("a'b"), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT 'a''b'"));
        Assert.That(ColumnWith(SystemMethods.CurrentUTCDateTime), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP"));
        Assert.That(ColumnWith(SystemMethods.CurrentDateTime), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))"));
        Assert.That(ColumnWith(RawSql.Insert("datetime('now', '+72 hours')")), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT (datetime('now', '+72 hours'))"));
        Assert.That(ColumnWith(SystemMethods.NewGuid), Does.StartWith("\"c\" TEXT NOT NULL DEFAULT (lower(hex(randomblob(4)))"));
        Assert.That(ColumnWith(SystemMethods.CurrentDateTimeOffset), Is.EqualTo("\"c\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'))"));
        Assert.Throws<DatabaseOperationNotSupportedException>(() => ColumnWith(SystemMethods.CurrentUser));
    }

    [Test]
    public void What_SQLite_changes_in_place_is_FluentMigrators_SQL_without_schemas()
    {
        Assert.That(_generator.Generate(new CreateColumnExpression { SchemaName = "s", TableName = "t", Column = Column("c", DbType.Int32, nullable: true) }),
            Is.EqualTo("ALTER TABLE \"t\" ADD COLUMN \"c\" INTEGER;"));
        Assert.That(_generator.Generate(new RenameTableExpression { SchemaName = "s", OldName = "a", NewName = "b" }), Is.EqualTo("ALTER TABLE \"a\" RENAME TO \"b\";"));
        Assert.That(_generator.Generate(new RenameColumnExpression { TableName = "t", OldName = "a", NewName = "b" }), Is.EqualTo("ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\";"));
        Assert.That(_generator.Generate(new DeleteColumnExpression { TableName = "t", ColumnNames = ["c"] }), Is.EqualTo("ALTER TABLE \"t\" DROP COLUMN \"c\";"));
        Assert.That(_generator.Generate(new DeleteTableExpression { SchemaName = "s", TableName = "t" }), Is.EqualTo("DROP TABLE \"t\";"));
    }

    [Test]
    public void Indexes_take_their_filter_and_unique_constraints_are_unique_indexes()
    {
        var index = new CreateIndexExpression { Index = new IndexDefinition { Name = "IX_t_a_b", SchemaName = "s", TableName = "t" } };
        index.Index.Columns.Add(new IndexColumnDefinition { Name = "a" });
        index.Index.Columns.Add(new IndexColumnDefinition { Name = "b", Direction = Direction.Descending });
        index.Index.AdditionalFeatures[PostgresExtensions.IndexFilter] = "a IS NOT NULL";
        index.Index.AdditionalFeatures[PostgresExtensions.Concurrently] = true;
        Assert.That(_generator.Generate(index), Is.EqualTo("CREATE INDEX \"IX_t_a_b\" ON \"t\" (\"a\" ASC, \"b\" DESC) WHERE a IS NOT NULL;"));
        Assert.That(_generator.Generate(new DeleteIndexExpression { Index = new IndexDefinition { Name = "IX_t_a_b", TableName = "t" } }), Is.EqualTo("DROP INDEX \"IX_t_a_b\";"));

        var unique = new ConstraintDefinition(ConstraintType.Unique) { ConstraintName = "UC_t_a_b", TableName = "t", Columns = ["a", "b"] };
        Assert.That(_generator.Generate(new CreateConstraintExpression(ConstraintType.Unique) { Constraint = unique }), Is.EqualTo("CREATE UNIQUE INDEX \"UC_t_a_b\" ON \"t\" (\"a\" ASC, \"b\" ASC);"));
        Assert.That(_generator.Generate(new DeleteConstraintExpression(ConstraintType.Unique) { Constraint = unique }), Is.EqualTo("DROP INDEX \"UC_t_a_b\";"));
    }

    [Test]
    public void Data_statements_use_SQLite_literals_that_read_back_as_written()
    {
        var insert = new InsertDataExpression { TableName = "t" };
        insert.Rows.Add(new InsertionDataDefinition
        {
            new("flag", true),
            new("blob", new byte[] { 1, 2 }),
            new("at", new DateTime(2025, 1, 2, 3, 4, 5)),
            new("precise", new DateTime(2025, 1, 2, 3, 4, 5).AddTicks(1230000)),
            new("offset", new DateTimeOffset(2025, 1, 2, 3, 4, 5, 250, TimeSpan.FromHours(-5))),
            new("id", Guid.Parse("5f0c2a8e-9d1b-4c3e-8a7f-0123456789ab")),
            new("day", new DateOnly(2025, 1, 2)),
            new("amount", 12.50m),
            new("big", 9_007_199_254_740_993L),
        });

        Assert.That(_generator.Generate(insert), Is.EqualTo(
            "INSERT INTO \"t\" (\"flag\", \"blob\", \"at\", \"precise\", \"offset\", \"id\", \"day\", \"amount\", \"big\") VALUES " +
            "(1, X'0102', '2025-01-02 03:04:05', '2025-01-02 03:04:05.123', '2025-01-02 03:04:05.25-05:00', '5f0c2a8e-9d1b-4c3e-8a7f-0123456789ab', " +
            "'2025-01-02', 12.50, 9007199254740993);"));
    }

    [Test]
    public void Insert_if_absent_skips_only_unique_key_collisions_as_PostgreSQL_does()
    {
        var insert = new InsertDataExpression { TableName = "t" };
        insert.Rows.Add([new("id", 1)]);
        insert.Rows.Add([new("id", 2)]);
        insert.AdditionalFeatures[MigrationFeatures.InsertIfAbsent] = true;

        Assert.That(_generator.Generate(insert), Is.EqualTo(
            "INSERT INTO \"t\" (\"id\") VALUES (1) ON CONFLICT DO NOTHING;INSERT INTO \"t\" (\"id\") VALUES (2) ON CONFLICT DO NOTHING;"));
    }

    [Test]
    public void A_restricting_foreign_key_says_RESTRICT_on_delete_and_on_update()
    {
        var expression = new CreateForeignKeyExpression
        {
            ForeignKey = new ForeignKeyDefinition { Name = "FK_c_p", ForeignTable = "c", ForeignColumns = ["pid"], PrimaryTable = "p", PrimaryColumns = ["id"] },
        };
        ICreateForeignKeyCascadeSyntax builder = new FluentMigrator.Builders.Create.ForeignKey.CreateForeignKeyExpressionBuilder(expression);
        builder.OnDelete(ForeignKeyRule.Restrict).OnUpdate(Rule.Cascade);

        Assert.That(_generator.ForeignKeyClause(expression.ForeignKey),
            Is.EqualTo("CONSTRAINT \"FK_c_p\" FOREIGN KEY (\"pid\") REFERENCES \"p\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE"));
    }

    [Test]
    public void What_SQLite_cannot_do_fails_loudly()
    {
        Assert.That(() => _generator.Generate(new CreateSequenceExpression { Sequence = new SequenceDefinition { Name = "s" } }),
            Throws.InstanceOf<DatabaseOperationNotSupportedException>().With.Message.Contains("Sequences"));
        Assert.That(() => _generator.Generate(new CreateSchemaExpression { SchemaName = "auth" }),
            Throws.InstanceOf<DatabaseOperationNotSupportedException>().With.Message.Contains("IfDatabase(\"postgres\")"));
        var identity = Column("n", DbType.Int32);
        identity.IsIdentity = true;
        Assert.That(() => _generator.Generate(new CreateColumnExpression { TableName = "t", Column = identity }),
            Throws.InstanceOf<DatabaseOperationNotSupportedException>().With.Message.Contains("INTEGER PRIMARY KEY"));
        Assert.That(() => _generator.Generate(new AlterColumnExpression { TableName = "t", Column = Column("c", DbType.Int32) }),
            Throws.InstanceOf<DatabaseOperationNotSupportedException>(), "the processor rebuilds; the generator alone cannot");
    }
}
