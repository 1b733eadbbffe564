using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>
/// A migrations assembly built against the FluentMigrator package alone (tests/Migrations.Runner.Fixtures/Storefront),
/// run through <c>--assembly</c> by the real runner: all the way up and all the way down on both providers.
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class StorefrontProcessTests(Provider provider)
{
    private static readonly long[] AllVersions =
    [
        202401100900, 202401100930, 202401111000, 202401121100, 202401151200, 202402011300,
        202402051400, 202403011500, 202403101600, 202404011700, 202405011800,
    ];

    private const long ProductionIndex = 202403011500;

    private TestDatabase _db = null!;
    private string _work = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _db = TestDatabase.Create(provider);
        _work = RunnerProcess.TempDirectory();
    }

    [TearDown]
    public void DropDatabase()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private string[] Storefront(string environment, params string[] args) =>
        [.. args, "--assembly", RunnerProcess.StorefrontDll, "--database", "storefront", "--provider", provider == Provider.Postgres ? "postgres" : "sqlite",
            "--connection", _db.ConnectionString, "--environment", environment,
            .. environment == "Production" && args[0] is "migrate" or "rollback" ? new[] { "--backup", Path.Combine(_work, "backups") } : []];

    private async Task<RunnerProcess.Result> Run(params string[] args)
    {
        var result = await RunnerProcess.RunAsync(_work, null, args);
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        return result;
    }

    [Test]
    public async Task It_migrates_up_keeping_rows_through_table_rebuilds_and_rolls_all_the_way_down_in_production()
    {
        var empty = SchemaSnapshot.Take(_db);

        // Up to the starter tags, then rows of our own: the later steps rebuild customers and orders on SQLite.
        await Run(Storefront("Production", "migrate", "--target", "202401151200"));
        _db.Execute("INSERT INTO customers (email, display_name) VALUES ('ada@example.com', 'Ada')");
        var ada = _db.Scalar("SELECT id FROM customers WHERE email = 'ada@example.com'");
        _db.Execute($"INSERT INTO orders (customer_id, order_number, total, placed_at) VALUES ({ada}, 'SO-1', 19.99, '2024-01-20T10:00:00+00:00')");
        _db.Execute($"INSERT INTO orders (customer_id, order_number, total, placed_at) VALUES ({ada}, 'SO-2', 5.00, '2024-06-02T10:00:00+00:00')");
        _db.Execute("INSERT INTO order_tags (order_id, tag_id) SELECT o.id, t.id FROM orders o, tags t WHERE t.name = 'gift'");

        var migrate = await Run(Storefront("Production", "migrate"));

        Assert.That(RunnerProcess.StepLines(migrate, "storefront", "applied", ProductionIndex), Is.EqualTo(1), RunnerProcess.Describe(migrate));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(AllVersions));
        Assert.That(_db.Count("SELECT count(*) FROM customers"), Is.EqualTo(1), "no profile runs in Production");
        Assert.That(_db.Count("SELECT count(*) FROM orders"), Is.EqualTo(2), "rebuilding customers and orders kept the orders");
        Assert.That(_db.Count("SELECT count(*) FROM order_tags"), Is.EqualTo(2), "rebuilding orders did not cascade to order_tags");
        Assert.That(_db.Query("SELECT order_number, status, customer_notes FROM orders ORDER BY order_number"),
            Is.EqualTo(new object?[][] { ["SO-1", "shipped", null], ["SO-2", "placed", null] }));
        Assert.That(_db.Count("SELECT order_count FROM customer_order_totals"), Is.EqualTo(2), "the view still reads the rebuilt tables");
        Assert.That(_db.Count("SELECT count(*) FROM tags"), Is.EqualTo(2));
        Assert.That(_db.Scalar("SELECT name FROM products"), Is.EqualTo("Storefront mug"));
        Assert.That(() => _db.Execute("INSERT INTO orders (customer_id, order_number, total, placed_at) VALUES (999, 'SO-X', 1, '2024-01-01T00:00:00+00:00')"),
            Throws.Exception, "the foreign key to customers is enforced after the rebuilds");
        if (provider == Provider.Sqlite)
        {
            Assert.That(_db.Query("PRAGMA foreign_key_check"), Is.Empty);
            Assert.That(_db.Scalar("SELECT sql FROM sqlite_master WHERE name = 'ix_orders_placed_at'")?.ToString(), Does.Contain("DESC"), "the rebuilt orders kept its index");
        }
        else
        {
            Assert.That(_db.Scalar("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_orders_placed_at'")?.ToString(), Does.Contain("DESC"));
            Assert.That(_db.Count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_orders_placed_at' AND i.indisvalid"), Is.EqualTo(1));
            _db.Execute("INSERT INTO billing.invoices (order_id) SELECT id FROM orders WHERE order_number = 'SO-1'");
            Assert.That(_db.Scalar("SELECT invoice_number FROM billing.invoices"), Is.EqualTo(1000L), "the invoice number comes from billing.invoice_number_seq");
        }

        var validate = await Run(Storefront("Production", "validate"));
        Assert.That(validate.StandardError, Does.Match("storefront +the journal matches the code"));

        var refused = await RunnerProcess.RunAsync(_work, null, Storefront("Production", "rollback", "--to", "0"));
        Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(AllVersions), "a refused rollback changes nothing");

        var down = await Run(Storefront("Production", "rollback", "--to", "0", "--allow-data-loss"));

        Assert.That(down.StandardOutput, Does.Contain($"storefront: rolled back {ProductionIndex} index orders by placed_at, concurrently")
            .And.Contain("storefront: rolled back 202401100900 create customers"));
        Assert.That(Harness.JournalVersions(_db), Is.Empty);
        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(empty), "all the way down leaves the schema it started from (no billing schema, no sequence)");
    }

    [Test]
    public async Task In_development_the_production_index_is_skipped_the_profile_seeds_once_and_everything_rolls_back()
    {
        var empty = SchemaSnapshot.Take(_db);

        var first = await Run(Storefront("Development", "migrate"));
        await Run(Storefront("Development", "migrate"));
        var status = await Run(Storefront("Development", "status", "--json"));

        Assert.That(first.StandardError, Does.Match($@"storefront +skipped +{ProductionIndex} +index orders by placed_at, concurrently: for \[Production\], this run is \[Development\]")
            .And.Contain("profiles run: DevelopmentSampleData"));
        Assert.That(Harness.JournalVersions(_db), Is.EqualTo(AllVersions.Where(v => v != ProductionIndex)));
        Assert.That(_db.Count("SELECT count(*) FROM customers WHERE email = 'dev@storefront.test'"), Is.EqualTo(1), "the profile ran on both migrates and is idempotent");
        using (var json = System.Text.Json.JsonDocument.Parse(status.StandardOutput))
        {
            var index = json.RootElement.EnumerateArray().Single(r => r.GetProperty("version").GetInt64() == ProductionIndex);
            Assert.That(index.GetProperty("state").GetString(), Is.EqualTo("skipped"));
        }

        await Run(Storefront("Development", "rollback", "--to", "0", "--allow-data-loss"));

        Assert.That(Harness.JournalVersions(_db), Is.Empty);
        Assert.That(SchemaSnapshot.Take(_db), Is.EqualTo(empty));
    }
}
