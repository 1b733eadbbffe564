using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>The data the migrations move: 0010's duplicates, 0024's visibility values, 0026's expiry default.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class DataMigrationTests(Provider provider) : WorkspaceFixture(provider)
{
    private const string RelationshipRows = "SELECT id, user_id, related_user_id, relationship_type FROM relationships ORDER BY id";

    [Test]
    public async Task Relationship_duplicates_move_aside_keeping_a_block_then_the_oldest()
    {
        await MigrateAsync(9);
        SeedDuplicateRelationships();

        await MigrateAsync(10);

        Assert.That(Rows(RelationshipRows), Is.EqualTo(new[]
        {
            "r3|u1|u2|blocked", "r4|u2|u1|friend", "r5|u1|u3|friend", "r7|u3|u1|friend",
        }));
        Assert.That(Rows("SELECT id, kept_relationship_id FROM relationships_duplicates_0010 ORDER BY id"), Is.EqualTo(new[]
        {
            "r1|r3", "r2|r3", "r6|r5",
        }));
        Assert.That(() => Sql("INSERT INTO relationships (id, user_id, related_user_id) VALUES ('r9', 'u1', 'u2')"), Throws.Exception,
            "the unique pair now rejects another u1 -> u2 row");
    }

    [Test]
    public async Task Rolling_back_0010_restores_every_duplicate_and_the_earlier_schema()
    {
        var runner = Runner();
        await runner.MigrateUpAsync(9);
        var atNine = SchemaSnapshot.Take(Db);
        SeedDuplicateRelationships();
        var before = Rows(RelationshipRows);

        await runner.MigrateUpAsync(10);
        await runner.RollbackAsync(1);

        Assert.That(Rows(RelationshipRows), Is.EqualTo(before));
        Assert.That(Rows("SELECT id, created_at FROM relationships ORDER BY id"), Has.Count.EqualTo(7));
        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(atNine));
    }

    [Test]
    public async Task Visibility_values_carry_over_to_visibility_scope()
    {
        await MigrateAsync(22);
        AddUser("u1");
        Sql("INSERT INTO work_items (id, user_id, title, visibility) VALUES ('a', 'u1', 'A', 'private')");
        Sql("INSERT INTO work_items (id, user_id, title, visibility) VALUES ('b', 'u1', 'B', 'room')");
        Sql("INSERT INTO work_items (id, user_id, title) VALUES ('c', 'u1', 'C')");

        await MigrateAsync(24);

        Assert.That(Rows("SELECT id, visibility_scope FROM work_items ORDER BY id"), Is.EqualTo(new[] { "a|private", "b|room", "c|private" }));
        Assert.That(Introspection.Columns(Db, "work_items"), Does.Not.Contain("visibility"));
        Sql("INSERT INTO work_items (id, user_id, title) VALUES ('d', 'u1', 'D')");
        Assert.That(Db.Scalar("SELECT visibility_scope FROM work_items WHERE id = 'd'"), Is.EqualTo("private"), "the default stays private");
        Assert.DoesNotThrow(() => Sql("UPDATE work_items SET visibility_scope = 'quest' WHERE id = 'a'"));
        Assert.DoesNotThrow(() => Sql("UPDATE work_items SET visibility_scope = 'squad' WHERE id = 'c'"));
    }

    [Test]
    public async Task Rolling_back_0024_turns_quest_and_squad_into_private_and_keeps_room()
    {
        var runner = Runner();
        await runner.MigrateUpAsync(24);
        AddUser("u1");
        Sql("INSERT INTO work_items (id, user_id, title, visibility_scope) VALUES ('a', 'u1', 'A', 'quest')");
        Sql("INSERT INTO work_items (id, user_id, title, visibility_scope) VALUES ('b', 'u1', 'B', 'room')");
        Sql("INSERT INTO work_items (id, user_id, title, visibility_scope) VALUES ('c', 'u1', 'C', 'squad')");

        await runner.RollbackAsync(1);

        Assert.That(Rows("SELECT id, visibility FROM work_items ORDER BY id"), Is.EqualTo(new[] { "a|private", "b|room", "c|private" }));
        Assert.That(() => Sql("UPDATE work_items SET visibility = 'quest'"), Throws.Exception, "0001's CHECK is back");
    }

    [Test]
    public async Task An_invite_expires_72_hours_after_it_was_created_by_default()
    {
        await MigrateAsync();
        AddUser("u1");
        Sql("INSERT INTO threads (id, user_id, title) VALUES ('t1', 'u1', 'T')");
        Sql("INSERT INTO thread_invites (id, thread_id, token, email, candidate_name) VALUES ('i1', 't1', 'tok', 'x@example.com', 'X')");

        var hours = Provider == Provider.Postgres
            ? Db.Scalar("SELECT EXTRACT(EPOCH FROM expires_at - created_at) / 3600 FROM thread_invites")
            : Db.Scalar("SELECT round((julianday(expires_at) - julianday(created_at)) * 24, 6) FROM thread_invites");
        Assert.That(Convert.ToDouble(hours, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(72));

        var fromNow = Provider == Provider.Postgres
            ? Db.Scalar("SELECT EXTRACT(EPOCH FROM expires_at - (now() at time zone 'UTC')) / 3600 FROM thread_invites")
            : Db.Scalar("SELECT (julianday(expires_at) - julianday('now')) * 24 FROM thread_invites");
        Assert.That(Convert.ToDouble(fromNow, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(72).Within(0.1), "created now, in UTC");
    }

    [Test]
    public async Task A_message_of_a_thread_that_does_not_exist_stops_0026_instead_of_being_deleted()
    {
        await MigrateAsync(25);
        AddUser("u1");
        Sql("INSERT INTO thread_messages (id, thread_id, sender_user_id, body) VALUES ('m1', 'no-such-thread', 'u1', 'orphan')");

        Assert.That(async () => await MigrateAsync(), Throws.Exception);

        Assert.That(Harness.JournalVersions(Db), Has.No.Member(26L), "a failed 0026 leaves no trace");
        Assert.That(SchemaSnapshot.Tables(Db), Has.No.Member("threads"));
        Assert.That(Count("SELECT count(*) FROM thread_messages"), Is.EqualTo(1), "the message is still there");
    }

    private void SeedDuplicateRelationships()
    {
        AddUser("u1");
        AddUser("u2");
        AddUser("u3");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r1', 'u1', 'u2', 'friend', '2024-01-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r2', 'u1', 'u2', 'friend', '2024-02-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r3', 'u1', 'u2', 'blocked', '2024-03-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r4', 'u2', 'u1', 'friend', '2024-01-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r5', 'u1', 'u3', 'friend', '2024-01-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r6', 'u1', 'u3', 'friend', '2024-01-01 00:00:00')");
        Sql("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) VALUES ('r7', 'u3', 'u1', 'friend', '2024-05-01 00:00:00')");
    }

    private IReadOnlyList<string> Rows(string sql) =>
        Db.Query(sql).Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
}
