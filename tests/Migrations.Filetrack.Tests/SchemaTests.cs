using Migrations.Filetrack.Tests.Support;
using Migrations.Testing;

namespace Migrations.Filetrack.Tests;

/// <summary>After migrate, every documented object exists under the seed's names (the order, the journal and every step's reversal are the conformance suite's).</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SchemaTests(Provider provider)
{
    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "filetrack");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public async Task The_master_creates_every_core_table_but_nps_submissions()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync(FiletrackDatabase.MasterVersion);

        Assert.That(SchemaSnapshot.Tables(_db), Is.EqualTo(FiletrackDatabase.Tables.Where(t => t != "nps_submissions").Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Migrate_creates_every_core_table()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        Assert.That(SchemaSnapshot.Tables(_db), Is.EqualTo(FiletrackDatabase.Tables.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Every_index_the_seed_lists_exists_with_its_uniqueness_and_column_order()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        Assert.Multiple(() =>
        {
            foreach (var (name, table, unique, columns) in FiletrackDatabase.SeedIndexes)
            {
                var index = Introspection.Index(_db, name);
                Assert.That(index, Is.Not.Null, $"index {name} is missing");
                Assert.That(index!.Table, Is.EqualTo(table), name);
                Assert.That(index.Unique, Is.EqualTo(unique), $"{name} uniqueness");
                Assert.That(index.Columns, Is.EqualTo(columns), $"{name} columns");
            }
        });
    }

    [Test]
    public async Task Every_foreign_key_has_its_documented_on_delete_rule()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        var actual = Introspection.ForeignKeys(_db).Select(fk => (fk.Table, fk.Column, fk.References, fk.OnDelete)).Order().ToArray();
        Assert.That(actual, Is.EqualTo(FiletrackDatabase.ForeignKeys.Order().ToArray()));
    }

    [Test]
    public async Task Every_table_with_updatedAt_has_its_maintenance_trigger()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        var triggers = provider == Provider.Postgres
            ? _db.Query("SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public'")
            : _db.Query("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        var expected = Migrations.MasterConsolidatedSchema.TablesWithUpdatedAt.Select(t => $"update_{t}_updated_at").Order(StringComparer.Ordinal);
        Assert.That(triggers.Select(r => (string)r[0]!).Order(StringComparer.Ordinal), Is.EqualTo(expected));
    }

    [Test]
    public async Task Unique_indexes_reject_duplicates()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();
        _db.Execute("INSERT INTO \"users\" (\"id\", \"email\") VALUES ('00000000-0000-0000-0000-00000000000a', 'a@example.com')");
        _db.Execute("""INSERT INTO "patterns" ("userId", "fileExtension") VALUES ('00000000-0000-0000-0000-00000000000a', '.pdf')""");

        Assert.Catch(() => _db.Execute("INSERT INTO \"users\" (\"email\") VALUES ('a@example.com')"), "users.email is unique");
        Assert.Catch(() => _db.Execute("""INSERT INTO "patterns" ("userId", "fileExtension") VALUES ('00000000-0000-0000-0000-00000000000a', '.pdf')"""),
            "patterns (userId, fileExtension) is unique");
    }

    [Test]
    public async Task Role_and_checks_reject_values_outside_their_vocabulary()
    {
        await FiletrackDatabase.Runner(_db).MigrateUpAsync();

        Assert.Catch(() => _db.Execute("INSERT INTO \"users\" (\"email\", \"role\") VALUES ('x@example.com', 'root')"), "users.role is user or admin");
        _db.Execute("INSERT INTO \"users\" (\"id\", \"email\") VALUES ('00000000-0000-0000-0000-00000000000b', 'b@example.com')");
        Assert.Catch(() => _db.Execute("""INSERT INTO "nps_submissions" ("userId", "score") VALUES ('00000000-0000-0000-0000-00000000000b', 11)"""),
            "an NPS score is 0 to 10");
        Assert.That(_db.Scalar("SELECT CAST(\"role\" AS TEXT) FROM \"users\" WHERE \"email\" = 'b@example.com'")?.ToString(), Is.EqualTo("user"));
    }
}
