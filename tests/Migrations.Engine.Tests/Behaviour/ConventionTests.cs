using Migrations.Engine.Tests.Behaviour.TestMigrations.AllBuilders;
using Migrations.Engine.Tests.Behaviour.TestMigrations.Basic;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>
/// FluentMigrator's column and naming conventions as they land in a real database: NOT NULL unless
/// Nullable(), Unique()/Indexed() as indexes with FluentMigrator's default names, SetExistingRowsTo.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ConventionTests(Provider provider) : DatabaseTest(provider)
{
    [Test]
    public async Task Columns_are_not_null_unless_nullable_and_unique_adds_a_unique_index_with_the_default_name()
    {
        await Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace).MigrateUpAsync(target: 1);

        Assert.That(() => Db.Execute("INSERT INTO \"Customer\" (\"Name\", \"Email\") VALUES (NULL, 'a@b')"), Throws.Exception, "Name is NOT NULL by default");
        Db.Execute("INSERT INTO \"Customer\" (\"Name\", \"Email\") VALUES ('Ada', NULL)");
        Db.Execute("INSERT INTO \"Customer\" (\"Name\", \"Email\") VALUES ('Bob', 'bob@example.com')");
        Assert.That(() => Db.Execute("INSERT INTO \"Customer\" (\"Name\", \"Email\") VALUES ('Rob', 'bob@example.com')"), Throws.Exception, "Unique() is enforced");
        Assert.That(IndexDefinition("IX_Customer_Email"), Does.Contain("UNIQUE").And.Contain("Email"));
    }

    [Test]
    public async Task Default_names_follow_fluentmigrator_conventions()
    {
        await Harness.Runner(Db, typeof(CreateCustomer).Assembly, typeof(CreateCustomer).Namespace).MigrateUpAsync(target: 2);

        Assert.That(IndexDefinition("IX_Order_CustomerId"), Does.Contain("CustomerId"));
        if (Provider == Provider.Postgres)
        {
            Assert.That(Db.Query("SELECT conname FROM pg_constraint WHERE conrelid = '\"Order\"'::regclass AND contype IN ('f', 'p') ORDER BY conname").Select(r => r[0]),
                Is.EqualTo(new[] { "FK_Order_CustomerId_Customer_Id", "PK_Order" }));
        }
        else
        {
            Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'Order'")?.ToString(), Does.Contain("FK_Order_CustomerId_Customer_Id"));
        }
    }

    [Test]
    public async Task Set_existing_rows_fills_the_new_column_of_existing_rows_then_makes_it_not_null()
    {
        var runner = Harness.Runner(Db, typeof(CreateCatalog).Assembly, typeof(CreateCatalog).Namespace);
        await runner.MigrateUpAsync(target: 101);
        Db.Execute($"INSERT INTO \"Vendor\" (\"Id\", \"Name\") VALUES ('{Guid.NewGuid()}', 'Old')");

        await runner.MigrateUpAsync(target: 102);

        Assert.That(Db.Scalar("SELECT \"Region\" FROM \"Vendor\" WHERE \"Name\" = 'Old'"), Is.EqualTo("EU"));
        Assert.That(() => Db.Execute($"INSERT INTO \"Vendor\" (\"Id\", \"Name\", \"Region\") VALUES ('{Guid.NewGuid()}', 'New', NULL)"), Throws.Exception, "Region ends NOT NULL");
    }

    private string? IndexDefinition(string name) =>
        (Provider == Provider.Postgres
            ? Db.Scalar($"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'")
            : Db.Scalar($"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{name}'"))?.ToString();
}
