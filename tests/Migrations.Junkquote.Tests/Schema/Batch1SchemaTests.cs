using Migrations.Junkquote.Migrations;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests.Schema;

/// <summary>What the seed's Batch 1 summary says exists after the migration, checked by introspection.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class Batch1SchemaTests(Provider provider)
{
    private static readonly string[] BaselineTables = ["AuditLog", "Crew", "Job", "Lead", "LeadPhoto", "PricingRule", "Quote", "User"];
    private static readonly string[] NewTables = ["Conversation", "Customer", "CustomerAddress", "JobEvent", "JobItem", "MemoryNote", "Message"];

    private TestDatabase _db = null!;

    [SetUp]
    public void CreateDatabase() => _db = TestDatabase.Create(provider, "junkquote");

    [TearDown]
    public void DropDatabase() => _db.Dispose();

    [Test]
    public async Task Baseline_has_the_8_tables_that_existed_before_batch_1()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Baseline);

        Assert.That(SchemaSnapshot.Tables(_db), Is.EqualTo(BaselineTables));
    }

    [Test]
    public async Task Batch_1_adds_exactly_the_7_tables_of_the_seed()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        Assert.That(SchemaSnapshot.Tables(_db), Is.EqualTo(BaselineTables.Concat(NewTables).Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Seed_validation_query_returns_15_total_and_7_new_tables()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        // The seed's query verbatim on PostgreSQL; on SQLite the same question asked of sqlite_master.
        var row = provider == Provider.Postgres
            ? _db.Query("""
                SELECT
                  COUNT(*) as total_tables,
                  (SELECT COUNT(*) FROM pg_tables
                   WHERE schemaname = 'public'
                   AND tablename IN ('Customer', 'Conversation', 'Message',
                                     'MemoryNote', 'JobItem', 'JobEvent', 'CustomerAddress')
                  ) as new_tables
                FROM pg_tables WHERE schemaname = 'public';
                """).Single()
            : _db.Query("""
                SELECT COUNT(*) AS total_tables,
                  (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'
                   AND name IN ('Customer', 'Conversation', 'Message', 'MemoryNote', 'JobItem', 'JobEvent', 'CustomerAddress')) AS new_tables
                FROM sqlite_master WHERE type = 'table' AND name NOT IN ('VersionInfo', 'sqlite_sequence')
                """).Single();

        Assert.That(Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(15), "total_tables");
        Assert.That(Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(7), "new_tables");
    }

    [Test]
    public async Task Batch_1_creates_22_indexes_9_foreign_key_8_temporal_2_lookup_3_composite()
    {
        var runner = JunkquoteDatabase.Runner(_db);
        await runner.MigrateUpAsync(JunkquoteVersions.Baseline);
        var tables = BaselineTables.Concat(NewTables).ToArray();
        var before = tables.SelectMany(t => JunkquoteDatabase.Indexes(_db, t)).ToHashSet();

        await runner.MigrateUpAsync(JunkquoteVersions.Batch1);

        var added = tables.SelectMany(t => JunkquoteDatabase.Indexes(_db, t)).Where(i => !before.Contains(i)).Order(StringComparer.Ordinal).ToArray();
        Assert.That(added, Is.EqualTo(Batch1AddMemoryEntities.Indexes.Select(i => i.Name).Order(StringComparer.Ordinal)));
        Assert.That(added, Has.Length.EqualTo(22));
        Assert.That(Batch1AddMemoryEntities.Indexes.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count()), Is.EqualTo(new Dictionary<Batch1AddMemoryEntities.IndexKind, int>
        {
            [Batch1AddMemoryEntities.IndexKind.ForeignKey] = 9,
            [Batch1AddMemoryEntities.IndexKind.Temporal] = 8,
            [Batch1AddMemoryEntities.IndexKind.Lookup] = 2,
            [Batch1AddMemoryEntities.IndexKind.Composite] = 3,
        }));
        Assert.That(Batch1AddMemoryEntities.Indexes.Where(i => i.Kind == Batch1AddMemoryEntities.IndexKind.Lookup).Select(i => i.Name), Is.EqualTo(new[] { "Customer_phone_idx", "Customer_email_idx" }));
    }

    [Test]
    public async Task Index_columns_are_what_their_names_say()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        foreach (var index in Batch1AddMemoryEntities.Indexes)
        {
            var columns = provider == Provider.Postgres
                ? _db.Query($"""
                    SELECT a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                    JOIN LATERAL unnest(x.indkey) WITH ORDINALITY k(attnum, n) ON true
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                    WHERE i.relname = '{index.Name}' ORDER BY k.n
                    """)
                : _db.Query($"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno");
            Assert.That(columns.Select(r => (string)r[0]!), Is.EqualTo(index.Columns), index.Name);
        }
    }

    [Test]
    public async Task Lead_and_Job_get_a_nullable_customer_id_referencing_Customer()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        foreach (var table in new[] { "Lead", "Job" })
        {
            var nullable = provider == Provider.Postgres
                ? (string)_db.Scalar($"SELECT is_nullable || '/' || udt_name FROM information_schema.columns WHERE table_name = '{table}' AND column_name = 'customer_id'")!
                : (Convert.ToInt64(_db.Scalar($"SELECT \"notnull\" FROM pragma_table_info('{table}') WHERE name = 'customer_id'"), System.Globalization.CultureInfo.InvariantCulture) == 0 ? "YES" : "NO") + "/uuid";
            Assert.That(nullable, Is.EqualTo("YES/uuid"), table);
            Assert.That(JunkquoteDatabase.DeleteRule(_db, table, "customer_id"), Is.EqualTo("SET NULL"), table);
        }
    }

    [Test]
    public async Task Ids_of_the_new_tables_are_uuids()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        if (provider == Provider.Postgres)
        {
            var types = _db.Query($"SELECT DISTINCT udt_name FROM information_schema.columns WHERE table_schema = 'public' AND (column_name = 'id' OR column_name LIKE '%\\_id')");
            Assert.That(types.Select(r => (string)r[0]!), Is.EqualTo(new[] { "uuid" }));
        }
        else
        {
            // SQLite stores a UUID as TEXT; the default generates the canonical 36-character form.
            _db.Execute("INSERT INTO \"Customer\" (name) VALUES ('Ada')");
            Assert.That((string)_db.Scalar("SELECT id FROM \"Customer\"")!, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        }
    }

    [Test]
    public async Task MessageRole_allows_user_assistant_system_tool_and_nothing_else()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);
        if (provider == Provider.Postgres)
        {
            var labels = _db.Query("SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'MessageRole' ORDER BY e.enumsortorder");
            Assert.That(labels.Select(r => (string)r[0]!), Is.EqualTo(new[] { "user", "assistant", "system", "tool" }));
        }

        _db.Execute("INSERT INTO \"Conversation\" (id, channel) VALUES ('00000000-0000-4000-8000-000000000001', 'sms')");
        foreach (var role in Batch1AddMemoryEntities.MessageRoles)
        {
            _db.Execute($"INSERT INTO \"Message\" (conversation_id, role, content) VALUES ('00000000-0000-4000-8000-000000000001', '{role}', 'hi')");
        }

        Assert.That(() => _db.Execute("INSERT INTO \"Message\" (conversation_id, role, content) VALUES ('00000000-0000-4000-8000-000000000001', 'customer', 'hi')"),
            Throws.Exception, "a role outside MessageRole is refused");
        Assert.That(_db.Count("SELECT count(*) FROM \"Message\""), Is.EqualTo(4));
    }

    [Test]
    public async Task Foreign_keys_carry_the_documented_delete_rules()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        var expected = new (string Table, string Column, string Rule)[]
        {
            ("CustomerAddress", "customer_id", "RESTRICT"),
            ("Conversation", "customer_id", "RESTRICT"),
            ("MemoryNote", "customer_id", "RESTRICT"),
            ("Lead", "customer_id", "SET NULL"),
            ("Job", "customer_id", "SET NULL"),
            ("Conversation", "lead_id", "SET NULL"),
            ("Message", "conversation_id", "CASCADE"),
            ("JobItem", "job_id", "CASCADE"),
            ("JobEvent", "job_id", "CASCADE"),
        };
        Assert.That(expected.Select(e => JunkquoteDatabase.DeleteRule(_db, e.Table, e.Column)), Is.EqualTo(expected.Select(e => e.Rule)));
    }

    [Test]
    public async Task Every_new_foreign_key_is_nullable_until_batch_2()
    {
        await JunkquoteDatabase.Runner(_db).MigrateUpAsync(JunkquoteVersions.Batch1);

        foreach (var (table, column) in Batch2BackfillAndConstraints.CriticalForeignKeys)
        {
            Assert.That(JunkquoteDatabase.IsNullable(_db, table, column), Is.True, $"{table}.{column}");
        }
    }
}
