using Migrations.Engine.Running;
using Migrations.Engine.Tests.Behaviour.TestMigrations.AllBuilders;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>Every builder of DESIGN.md section 2, applied and undone on both providers.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class AllBuildersTests(Provider provider) : DatabaseTest(provider)
{
    private Migrator Runner() => Harness.Runner(Db, typeof(CreateCatalog).Assembly, typeof(CreateCatalog).Namespace);

    [Test]
    public async Task Every_builder_applies_and_every_step_rolls_back_to_the_schema_before_it()
    {
        var versions = await Harness.AssertEveryStepReversibleAsync(Db, Runner());

        Assert.That(versions, Is.EqualTo(new long[] { 100, 101, 102, 103, 104 }));
    }

    [Test]
    public async Task Up_leaves_the_rows_views_renames_and_defaults_it_describes()
    {
        await Runner().MigrateUpAsync();

        Assert.That(SchemaSnapshot.Tables(Db), Is.SupersetOf(new[] { "Item", "ItemTag", "Label", "Vendor" }).And.No.Member("Tag"));
        Assert.That(Db.Scalar("SELECT \"Rating\" FROM \"Vendor\" WHERE \"Name\" = 'Acme'"), Is.EqualTo(5));
        Assert.That(Db.Scalar("SELECT \"Region\" FROM \"Vendor\""), Is.EqualTo("US"));
        Assert.That(Convert.ToDecimal(Db.Scalar("SELECT \"Price\" FROM \"Item\""), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(9.5m));
        Assert.That(Db.Count("SELECT count(*) FROM \"item_summary\""), Is.EqualTo(1));
        Assert.That((string)Db.Scalar("SELECT \"Guid\" FROM \"Item\"")!.ToString()!, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(Db.Scalar("SELECT \"InStock\" FROM \"Item\"")?.ToString(), Is.AnyOf("True", "1"));
    }

    [Test]
    public async Task Constraints_declared_by_builders_are_enforced()
    {
        await Runner().MigrateUpAsync();

        Assert.That(() => Db.Execute("INSERT INTO \"Item\" (\"Kind\", \"Sku\") VALUES ('car', 'C-1')"), Throws.Exception, "enum values are enforced");
        Assert.That(() => Db.Execute("INSERT INTO \"Item\" (\"Kind\", \"Sku\") VALUES ('book', '')"), Throws.Exception, "the column check is enforced");
        Assert.That(() => Db.Execute("UPDATE \"Item\" SET \"Price\" = -1"), Throws.Exception, "the check constraint is enforced");
        Assert.That(() => Db.Execute($"INSERT INTO \"Vendor\" (\"Id\", \"Name\", \"Region\") VALUES ('{Guid.NewGuid()}', 'Acme', 'EU')"), Throws.Exception, "Unique() is enforced");

        Db.Execute("INSERT INTO \"Label\" (\"Id\", \"Label\") VALUES (1, 'new')");
        Db.Execute("INSERT INTO \"ItemTag\" (\"ItemId\", \"TagId\") SELECT \"Id\", 1 FROM \"Item\"");
        Db.Execute($"DELETE FROM \"Vendor\" WHERE \"Name\" = 'Acme'");
        Assert.That(Db.Scalar("SELECT \"VendorId\" FROM \"Item\""), Is.Null, "ON DELETE SET NULL from Vendor");
        Db.Execute("DELETE FROM \"Item\"");
        Assert.That(Db.Count("SELECT count(*) FROM \"ItemTag\""), Is.Zero, "ON DELETE CASCADE from Item");
    }
}
