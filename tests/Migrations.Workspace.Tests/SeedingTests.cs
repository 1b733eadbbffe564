using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>The Development and Staging profiles: valid rows, idempotent, and working on an older schema.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class SeedingTests(Provider provider) : WorkspaceFixture(provider)
{
    private const int SmallScale = 1000;

    private static readonly Dictionary<string, long> DevelopmentCounts = new()
    {
        ["users"] = 6, ["workspaces"] = 2, ["workspace_members"] = 7, ["rooms"] = 3, ["room_members"] = 8, ["work_items"] = 6,
        ["inbox_items"] = 3, ["relationships"] = 3, ["relationship_requests"] = 2, ["lists"] = 2, ["list_items"] = 5, ["list_members"] = 5,
        ["hosted_events"] = 1, ["event_participants"] = 3, ["admin_users"] = 2, ["audit_logs"] = 2, ["admin_workspace_access"] = 1,
        ["admin_import_sessions"] = 1, ["admin_import_errors"] = 1, ["ai_provider_settings"] = 2, ["ai_provider_keys"] = 1,
        ["ai_usage_logs"] = 4, ["ai_cost_budgets"] = 2, ["daily_log_summaries"] = 1, ["system_settings"] = 3,
        ["threads"] = 2, ["thread_invites"] = 3, ["thread_participants"] = 3, ["thread_messages"] = 3, ["thread_message_deliveries"] = 3,
        ["dev_mail_outbox"] = 3, ["relationships_duplicates_0010"] = 0,
    };

    /// <summary>References the foreign keys cannot express: each is a count of rows that break the app's rules, so 0.</summary>
    private static readonly string[] CoherenceViolations =
    [
        // A workspace's owner is its member with role owner.
        "SELECT count(*) FROM workspaces w WHERE NOT EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.id AND m.user_id = w.owner_id AND m.role = 'owner')",
        // A room member belongs to the room's workspace.
        "SELECT count(*) FROM room_members rm JOIN rooms r ON r.id = rm.room_id WHERE NOT EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = r.workspace_id AND m.user_id = rm.user_id)",
        // A work item's room is in the item's workspace, and its owner is a member there.
        "SELECT count(*) FROM work_items wi JOIN rooms r ON r.id = wi.room_id WHERE wi.workspace_id IS NULL OR r.workspace_id <> wi.workspace_id",
        "SELECT count(*) FROM work_items wi WHERE wi.workspace_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = wi.workspace_id AND m.user_id = wi.user_id)",
        // Each thread has exactly one owner participant, its creator.
        "SELECT count(*) FROM threads t WHERE (SELECT count(*) FROM thread_participants p WHERE p.thread_id = t.id AND p.role = 'owner' AND p.user_id = t.user_id) <> 1",
        // A message's sender and a delivery's recipient take part in the thread.
        "SELECT count(*) FROM thread_messages m WHERE m.sender_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = m.thread_id AND p.user_id = m.sender_user_id)",
        "SELECT count(*) FROM thread_message_deliveries d JOIN thread_messages m ON m.id = d.message_id WHERE d.recipient_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = m.thread_id AND p.user_id = d.recipient_user_id)",
        // Only accepted invites have accepted_at; tokens are the app's 32 characters.
        "SELECT count(*) FROM thread_invites WHERE (status = 'accepted') <> (accepted_at IS NOT NULL) OR length(token) <> 32",
    ];

    [Test]
    public async Task Development_profile_seeds_a_coherent_demo_that_satisfies_every_constraint()
    {
        var result = await EnvironmentRunner("Development", "Development").MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(DevelopmentSeed) }));
        Assert.That(Counts(DevelopmentCounts.Keys), Is.EqualTo(DevelopmentCounts));
        SeedAssertions.AssertConstraintsHold(Db);
        AssertCoherent();
        Assert.That(Rows("SELECT visibility_scope, count(*) FROM work_items GROUP BY visibility_scope ORDER BY 1"), Is.EqualTo(new[] { "private|2", "quest|1", "room|2", "squad|1" }));
        Assert.That(Rows("SELECT delivery_preference FROM list_members ORDER BY id"), Is.EqualTo(new[] { "instant", "daily_digest", "instant", "daily_digest", "none" }));
        Assert.That(Count("SELECT count(*) FROM dev_mail_outbox o JOIN thread_invites i ON i.id = o.thread_invite_id WHERE o.body_text LIKE '%' || i.token || '%'"), Is.EqualTo(3),
            "each captured email carries its invite's link");
        Assert.That(LogLines.Where(l => l.Contains("skipped:", StringComparison.Ordinal)), Is.Empty, "nothing is skipped on the latest schema");
    }

    [Test]
    public async Task Development_profile_outside_Development_skips_the_outbox_with_a_log_line()
    {
        await EnvironmentRunner("Staging", "Development").MigrateUpAsync();

        Assert.That(Count("SELECT count(*) FROM thread_invites"), Is.EqualTo(3));
        Assert.That(LogLines, Has.One.Contains("captured invite emails skipped: table dev_mail_outbox is not there yet"));
        SeedAssertions.AssertConstraintsHold(Db);
    }

    [Test]
    public async Task Development_profile_works_on_an_older_schema_after_a_rollback_and_fills_in_after_migrating_up()
    {
        var runner = EnvironmentRunner("Development", "Development");
        await runner.MigrateUpAsync();
        await runner.RollbackToVersionAsync(18);
        Sql("DELETE FROM users");
        LogLines.Clear();

        await runner.SeedAsync();

        Assert.That(Count("SELECT count(*) FROM users"), Is.EqualTo(6));
        Assert.That(Rows("SELECT id, visibility FROM work_items WHERE id IN ('dev-wi-4', 'dev-wi-5', 'dev-wi-2') ORDER BY id"),
            Is.EqualTo(new[] { "dev-wi-2|room", "dev-wi-4|private", "dev-wi-5|private" }), "before 0024 quest and squad are private");
        Assert.That(Count("SELECT count(*) FROM list_members"), Is.EqualTo(5));
        Assert.That(LogLines, Has.One.Contains("admin workspace access skipped: table admin_workspace_access is not there yet"));
        Assert.That(LogLines, Has.One.Contains("threads, invites, participants and messages skipped: table threads, thread_invites, thread_participants, thread_messages, thread_message_deliveries is not there yet"));
        Assert.That(LogLines, Has.None.Contains("captured invite emails"), "the thread part is skipped as a whole, its emails with it");
        SeedAssertions.AssertConstraintsHold(Db);

        await runner.MigrateUpAsync();

        Assert.That(Counts(DevelopmentCounts.Keys), Is.EqualTo(DevelopmentCounts));
        SeedAssertions.AssertConstraintsHold(Db);
        AssertCoherent();
    }

    [Test]
    public async Task Staging_profile_generates_valid_volume_rows_proportional_to_the_scale()
    {
        var result = await EnvironmentRunner("Staging", "Staging", SmallScale).MigrateUpAsync();

        Assert.That(result.ProfilesRun, Is.EqualTo(new[] { nameof(StagingSeed) }));
        Assert.That(Counts(["users", "workspaces", "workspace_members", "rooms", "room_members", "work_items", "ai_usage_logs",
            "threads", "thread_participants", "thread_invites", "thread_messages", "thread_message_deliveries"]), Is.EqualTo(new Dictionary<string, long>
        {
            ["users"] = 100, ["workspaces"] = 10, ["workspace_members"] = 100, ["rooms"] = 20, ["room_members"] = 100, ["work_items"] = SmallScale,
            ["ai_usage_logs"] = 100, ["threads"] = 100, ["thread_participants"] = 200, ["thread_invites"] = 100,
            ["thread_messages"] = SmallScale, ["thread_message_deliveries"] = SmallScale,
        }));
        Assert.That(Count($"SELECT count(*) FROM work_items WHERE id LIKE '{StagingSeed.Prefix}%'"), Is.EqualTo(SmallScale));
        SeedAssertions.AssertConstraintsHold(Db);
        AssertCoherent();
        Assert.That(Rows("SELECT visibility_scope, count(*) FROM work_items GROUP BY visibility_scope ORDER BY 1"),
            Is.EqualTo(new[] { "private|250", "quest|250", "room|250", "squad|250" }));
    }

    [Test]
    public async Task Staging_profile_twice_gives_the_same_rows_and_leaves_other_rows_alone()
    {
        var runner = EnvironmentRunner("Staging", "Staging", SmallScale);
        await runner.MigrateUpAsync();
        AddUser("real-user");
        Sql("INSERT INTO work_items (id, user_id, title) VALUES ('real-item', 'real-user', 'not generated')");
        var first = SeedAssertions.Checksum(Db);

        await runner.SeedAsync();

        Assert.That(SeedAssertions.Checksum(Db), Is.EqualTo(first));
        await runner.MigrateUpAsync();
        Assert.That(SeedAssertions.Checksum(Db), Is.EqualTo(first));
        Assert.That(Count("SELECT count(*) FROM work_items"), Is.EqualTo(SmallScale + 1));
    }

    [Test]
    public async Task Staging_profile_at_a_scale_of_100000_fills_the_largest_tables_exactly()
    {
        const int scale = 100_000;
        var runner = EnvironmentRunner("Staging", "Staging", scale);

        await runner.MigrateUpAsync();

        Assert.That(Count($"SELECT count(*) FROM work_items WHERE id LIKE '{StagingSeed.Prefix}%'"), Is.EqualTo(scale));
        Assert.That(Count("SELECT count(*) FROM thread_messages"), Is.EqualTo(scale));
        Assert.That(Count("SELECT count(*) FROM thread_message_deliveries"), Is.EqualTo(scale));
        Assert.That(Count("SELECT count(*) FROM users"), Is.EqualTo(StagingSeed.Sizes(scale).Users));
        SeedAssertions.AssertConstraintsHold(Db);
    }

    [Test]
    public async Task Staging_profile_works_on_an_older_schema_after_a_rollback()
    {
        var runner = EnvironmentRunner("Staging", "Staging", SmallScale);
        await runner.MigrateUpAsync();
        await runner.RollbackToVersionAsync(22);
        LogLines.Clear();

        await runner.SeedAsync();

        Assert.That(Count("SELECT count(*) FROM work_items"), Is.EqualTo(SmallScale));
        Assert.That(Rows("SELECT visibility, count(*) FROM work_items GROUP BY visibility ORDER BY 1"), Is.EqualTo(new[] { "private|500", "room|500" }));
        Assert.That(Count("SELECT count(*) FROM thread_messages"), Is.Zero, "messages without their threads are not generated");
        Assert.That(LogLines, Has.One.Contains("threads, participants, invites and messages skipped: table threads, thread_participants, thread_invites is not there yet"));
        SeedAssertions.AssertConstraintsHold(Db);

        await runner.MigrateUpAsync();

        Assert.That(Count("SELECT count(*) FROM thread_messages"), Is.EqualTo(SmallScale), "migrating up again seeds the newer tables too");
        SeedAssertions.AssertConstraintsHold(Db);
        AssertCoherent();
    }

    private void AssertCoherent()
    {
        foreach (var query in CoherenceViolations)
        {
            Assert.That(Count(query), Is.Zero, query);
        }
    }

    private Dictionary<string, long> Counts(IEnumerable<string> tables) =>
        tables.ToDictionary(t => t, t => Count($"SELECT count(*) FROM {TestDatabase.Q(t)}"));

    private string[] Rows(string sql) =>
        Db.Query(sql).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
}
