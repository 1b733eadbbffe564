using Migrations.Testing;

namespace Migrations.Workspace.Tests;

/// <summary>
/// Reversal with rows in the tables the SQLite rebuilds change; every step's reversal on an empty
/// schema, and empty -> latest -> empty, are the conformance suite's (<see cref="WorkspaceConformanceTests"/>).
/// </summary>
[TestFixture(Provider.Sqlite)]
[TestFixture(Provider.Postgres)]
public sealed class ReversibilityTests(Provider provider) : WorkspaceFixture(provider)
{
    [Test]
    public async Task Rolling_back_with_data_in_every_changed_table_restores_the_schema()
    {
        // The rebuilds of 0021, 0024, 0025 and 0026 on SQLite must carry rows through, both ways.
        var runner = Runner();
        await runner.MigrateUpAsync(18);
        var atEighteen = SchemaSnapshot.Take(Db);
        AddUser("u1");
        Sql("INSERT INTO lists (id, owner_id, title) VALUES ('l1', 'u1', 'List')");
        Sql("INSERT INTO list_members (id, list_id, user_id, role) VALUES ('lm1', 'l1', 'u1', 'editor')");
        Sql("INSERT INTO work_items (id, user_id, title, visibility) VALUES ('wi1', 'u1', 'Item', 'room')");
        Sql("INSERT INTO admin_users (id, email, password_hash) VALUES ('a1', 'admin@example.com', 'hash')");

        await runner.MigrateUpAsync();
        await runner.RollbackToVersionAsync(18);

        Assert.That(SchemaSnapshot.Take(Db), Is.EqualTo(atEighteen));
        Assert.That(Db.Scalar("SELECT role FROM list_members WHERE id = 'lm1'"), Is.EqualTo("editor"));
        Assert.That(Db.Scalar("SELECT visibility FROM work_items WHERE id = 'wi1'"), Is.EqualTo("room"));
        Assert.That(Count("SELECT count(*) FROM admin_users"), Is.EqualTo(1));
    }
}
