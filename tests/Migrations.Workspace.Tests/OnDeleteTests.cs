using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>The ON DELETE rules hold when rows are really deleted.</summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class OnDeleteTests(Provider provider) : WorkspaceFixture(provider)
{
    [SetUp]
    public async Task MigrateAndSeedAThread()
    {
        await MigrateAsync();
        AddUser("owner");
        AddUser("guest");
        AddWorkspace("w1", "owner");
        Sql("INSERT INTO threads (id, user_id, workspace_id, title) VALUES ('t1', 'owner', 'w1', 'Thread')");
        Sql("INSERT INTO thread_invites (id, thread_id, token, email, candidate_name) VALUES ('i1', 't1', 'tok', 'x@example.com', 'X')");
        Sql("INSERT INTO thread_participants (id, thread_id, user_id, role) VALUES ('p1', 't1', 'guest', 'member')");
        Sql("INSERT INTO thread_messages (id, thread_id, sender_user_id, body) VALUES ('m1', 't1', 'guest', 'hello')");
        Sql("INSERT INTO thread_message_deliveries (id, message_id, recipient_user_id) VALUES ('d1', 'm1', 'owner')");
    }

    [Test]
    public void Deleting_a_workspace_keeps_its_threads_without_a_workspace()
    {
        // The workspace goes with its owner otherwise; delete just the workspace here.
        Sql("DELETE FROM workspaces WHERE id = 'w1'");

        Assert.That(Count("SELECT count(*) FROM threads"), Is.EqualTo(1));
        Assert.That(Db.Scalar("SELECT workspace_id FROM threads WHERE id = 't1'"), Is.Null);
    }

    [Test]
    public void Deleting_a_thread_removes_its_invites_participants_and_messages()
    {
        Sql("DELETE FROM threads WHERE id = 't1'");

        Assert.That(Count("SELECT count(*) FROM thread_invites"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM thread_participants"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM thread_messages"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM thread_message_deliveries"), Is.Zero);
    }

    [Test]
    public void Deleting_a_participant_user_keeps_the_participant_row_without_a_user()
    {
        Sql("DELETE FROM users WHERE id = 'guest'");

        Assert.That(Db.Scalar("SELECT user_id FROM thread_participants WHERE id = 'p1'"), Is.Null);
        Assert.That(Db.Scalar("SELECT sender_user_id FROM thread_messages WHERE id = 'm1'"), Is.Null);
    }

    [Test]
    public void Deleting_the_thread_owner_removes_the_thread_and_everything_under_it()
    {
        Sql("DELETE FROM users WHERE id = 'owner'");

        Assert.That(Count("SELECT count(*) FROM threads"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM thread_invites"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM thread_participants"), Is.Zero);
        Assert.That(Count("SELECT count(*) FROM workspaces"), Is.Zero);
    }

    [Test]
    public void Deleting_a_room_keeps_its_work_items_and_deleting_a_user_removes_theirs()
    {
        Sql("INSERT INTO rooms (id, workspace_id, name) VALUES ('r1', 'w1', 'Room')");
        Sql("INSERT INTO room_members (id, room_id, user_id) VALUES ('rm1', 'r1', 'guest')");
        Sql("INSERT INTO work_items (id, user_id, room_id, title, visibility_scope) VALUES ('wi1', 'guest', 'r1', 'Item', 'room')");

        Sql("DELETE FROM rooms WHERE id = 'r1'");
        Assert.That(Db.Scalar("SELECT room_id FROM work_items WHERE id = 'wi1'"), Is.Null);
        Assert.That(Count("SELECT count(*) FROM room_members"), Is.Zero);

        Sql("DELETE FROM users WHERE id = 'guest'");
        Assert.That(Count("SELECT count(*) FROM work_items"), Is.Zero);
    }

    [Test]
    public void Deleting_an_admin_keeps_the_audit_trail_and_drops_their_workspace_grants()
    {
        Sql("INSERT INTO admin_users (id, email, password_hash, workspace_access) VALUES ('a1', 'a1@example.com', 'h', 'assigned')");
        Sql("INSERT INTO audit_logs (id, admin_user_id, action) VALUES ('al1', 'a1', 'login')");
        Sql("INSERT INTO admin_workspace_access (id, admin_user_id, workspace_id, access_level) VALUES ('g1', 'a1', 'w1', 'write')");

        Sql("DELETE FROM admin_users WHERE id = 'a1'");

        Assert.That(Db.Scalar("SELECT admin_user_id FROM audit_logs WHERE id = 'al1'"), Is.Null);
        Assert.That(Count("SELECT count(*) FROM admin_workspace_access"), Is.Zero);
    }
}
