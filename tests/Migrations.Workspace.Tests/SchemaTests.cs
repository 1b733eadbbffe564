using Migrations.Testing;

namespace Migrations.Workspace.Tests;

[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SchemaTests(Provider provider) : WorkspaceFixture(provider)
{
    private static readonly string[] FinalTables =
    [
        "admin_import_errors", "admin_import_sessions", "admin_users", "admin_workspace_access", "ai_cost_budgets",
        "ai_provider_keys", "ai_provider_settings", "ai_usage_logs", "audit_logs", "daily_log_summaries",
        "event_participants", "hosted_events", "inbox_items", "list_items", "list_members", "lists",
        "relationship_requests", "relationships", "relationships_duplicates_0010", "room_members", "rooms",
        "system_settings", "thread_invites", "thread_message_deliveries", "thread_messages", "thread_participants",
        "threads", "users", "work_items", "workspace_members", "workspaces",
    ];

    [Test]
    public async Task Migrate_applies_the_nineteen_seed_versions_with_their_file_names()
    {
        var result = await Runner().MigrateUpAsync();

        Assert.That(result.Applied.Select(a => a.Migration.Version), Is.EqualTo(SeedVersions));
        Assert.That(Harness.JournalVersions(Db), Is.EqualTo(SeedVersions));
        Assert.That(Db.Scalar($"SELECT \"Description\" FROM {Db.Journal} WHERE \"Version\" = 26"), Is.EqualTo("0026_threads_and_invites.sql"));
        Assert.That(Db.Scalar($"SELECT \"Description\" FROM {Db.Journal} WHERE \"Version\" = 1"), Is.EqualTo("0001_init_core.sql"));
    }

    [Test]
    public async Task Every_documented_table_exists()
    {
        await MigrateAsync();

        Assert.That(SchemaSnapshot.Tables(Db), Is.EqualTo(FinalTables));
    }

    [Test]
    public async Task The_ten_indexes_of_0026_exist_and_the_token_index_is_unique()
    {
        await MigrateAsync();

        Assert.That(Introspection.Indexes(Db), Is.SupersetOf(new[]
        {
            "idx_threads_user_id", "idx_threads_workspace_id", "idx_threads_status",
            "idx_thread_invites_thread_id", "idx_thread_invites_token", "idx_thread_invites_email", "idx_thread_invites_status",
            "idx_thread_participants_thread_id", "idx_thread_participants_user_id", "idx_thread_participants_email",
        }));
        Assert.That(Introspection.IsUniqueIndex(Db, "thread_invites", "idx_thread_invites_token"), Is.True);
    }

    [Test]
    public async Task The_other_documented_indexes_exist()
    {
        await MigrateAsync();

        var indexes = Introspection.Indexes(Db);
        Assert.That(indexes, Is.SupersetOf(new[]
        {
            "idx_users_email", "idx_users_display_name", "idx_work_items_status", "idx_inbox_items_created_at",
            "idx_ai_usage_logs_user_id", "idx_ai_usage_logs_provider", "idx_ai_usage_logs_feature",
            "idx_ai_cost_budgets_user_id", "idx_ai_cost_budgets_workspace_id", "idx_ai_provider_keys_provider",
        }));
        Assert.That(Introspection.IsUniqueIndex(Db, "users", "idx_users_email"), Is.True);
        Assert.That(Introspection.IsUniqueIndex(Db, "ai_provider_settings", "uq_ai_provider_settings_provider"), Is.True);
        Assert.That(indexes, Has.Count.GreaterThanOrEqualTo(50), "the seed counts 50+ indexes");
    }

    [Test]
    public async Task The_0026_foreign_keys_have_the_documented_on_delete_rules()
    {
        await MigrateAsync();

        Assert.That(Introspection.ForeignKeys(Db, "threads"), Is.EqualTo(new[]
        {
            "user_id -> users(id) ON DELETE CASCADE",
            "workspace_id -> workspaces(id) ON DELETE SET NULL",
        }));
        Assert.That(Introspection.ForeignKeys(Db, "thread_invites"), Is.EqualTo(new[] { "thread_id -> threads(id) ON DELETE CASCADE" }));
        Assert.That(Introspection.ForeignKeys(Db, "thread_participants"), Is.EqualTo(new[]
        {
            "thread_id -> threads(id) ON DELETE CASCADE",
            "user_id -> users(id) ON DELETE SET NULL",
        }));
        Assert.That(Introspection.ForeignKeys(Db, "thread_messages"), Does.Contain("thread_id -> threads(id) ON DELETE CASCADE"));
        Assert.That(Introspection.HasNamedConstraint(Db, "thread_messages", "fk_thread_messages_thread_id"), Is.True);
    }

    [Test]
    public async Task The_0026_columns_are_as_specified()
    {
        await MigrateAsync();

        Assert.That(Introspection.Columns(Db, "threads"), Is.EqualTo(new[] { "id", "user_id", "workspace_id", "title", "description", "status", "created_at", "updated_at" }));
        Assert.That(Introspection.Columns(Db, "thread_invites"), Is.EqualTo(new[]
        {
            "id", "thread_id", "token", "email", "candidate_name", "candidate_reason", "status", "expires_at", "accepted_at", "created_at",
        }));
        Assert.That(Introspection.Columns(Db, "thread_participants"), Is.EqualTo(new[] { "id", "thread_id", "user_id", "email", "role", "joined_at" }));
    }

    [TestCase("threads", "status", "active", "archived", "deleted")]
    [TestCase("thread_invites", "status", "pending", "accepted", "declined", "expired")]
    [TestCase("thread_participants", "role", "owner", "member")]
    [TestCase("list_members", "delivery_preference", "instant", "daily_digest", "none")]
    [TestCase("work_items", "visibility_scope", "private", "room", "quest", "squad")]
    [TestCase("ai_provider_settings", "provider", "gemini", "openai")]
    public async Task Check_lists_accept_each_documented_value_and_nothing_else(string table, string column, params string[] values)
    {
        await MigrateAsync();
        SeedOneRowPerTable();
        foreach (var value in values)
        {
            Assert.DoesNotThrow(() => Sql($"UPDATE {table} SET {column} = '{value}'"), value);
        }

        Assert.That(() => Sql($"UPDATE {table} SET {column} = 'not_a_value'"), Throws.Exception);
    }

    [Test]
    public async Task Token_is_unique()
    {
        await MigrateAsync();
        SeedOneRowPerTable();

        Assert.That(() => Sql("INSERT INTO thread_invites (id, thread_id, token, email, candidate_name) VALUES ('inv2', 't1', 'tok1', 'b@example.com', 'B')"),
            Throws.Exception);
    }

    [Test]
    public async Task System_settings_holds_the_three_documented_settings()
    {
        await MigrateAsync();

        var rows = Db.Query("SELECT key, value, value_type FROM system_settings ORDER BY key")
            .Select(r => $"{r[0]}={r[1]} ({r[2]})").ToArray();
        Assert.That(rows, Is.EqualTo(new[]
        {
            "default_rate_limit=60 (number)",
            "maintenance_mode=false (boolean)",
            "max_ai_cost_per_user_daily=1.00 (number)",
        }));
    }

    [Test]
    public async Task Seed_validation_queries_return_what_it_says()
    {
        await MigrateAsync();

        // "SELECT COUNT(*) as thread_count FROM threads" on a fresh database.
        Assert.That(Count("SELECT COUNT(*) as thread_count FROM threads"), Is.Zero);
        if (Provider == Provider.Sqlite)
        {
            Assert.That(Db.Scalar("SELECT sql FROM sqlite_master WHERE name='threads'"), Does.StartWith("CREATE TABLE \"threads\""));
            var threadIndexes = Db.Query("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='threads'").Select(r => (string)r[0]!);
            Assert.That(threadIndexes, Is.EquivalentTo(new[] { "idx_threads_user_id", "idx_threads_workspace_id", "idx_threads_status", "sqlite_autoindex_threads_1" }));
        }
    }

    private void SeedOneRowPerTable()
    {
        AddUser("u1");
        AddWorkspace("w1", "u1");
        Sql("INSERT INTO threads (id, user_id, workspace_id, title) VALUES ('t1', 'u1', 'w1', 'Thread')");
        Sql("INSERT INTO thread_invites (id, thread_id, token, email, candidate_name) VALUES ('inv1', 't1', 'tok1', 'a@example.com', 'A')");
        Sql("INSERT INTO thread_participants (id, thread_id, user_id, role) VALUES ('p1', 't1', 'u1', 'owner')");
        Sql("INSERT INTO lists (id, owner_id, title) VALUES ('l1', 'u1', 'List')");
        Sql("INSERT INTO list_members (id, list_id, user_id) VALUES ('lm1', 'l1', 'u1')");
        Sql("INSERT INTO work_items (id, user_id, title) VALUES ('wi1', 'u1', 'Item')");
        Sql("INSERT INTO ai_provider_settings (id, provider, default_model) VALUES ('aps1', 'gemini', 'gemini-pro')");
    }
}
