namespace Migrations.Runner.Tests.D1;

/// <summary>
/// Table rebuilds on D1 keep child rows, though foreign keys are always on there: with the
/// Development seed's rows in place, through 0010 (dedupe + unique pair), 0024 (work_items rebuilt),
/// 0025 Down (admin_users rebuilt; audit_logs.admin_user_id is SET NULL) and 0026 Down
/// (thread_messages rebuilt; its rows go with their dropped threads, by their CASCADE key), every row whose parent survives
/// is still there, and PRAGMA foreign_key_check is empty after each step.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class D1ChildRowsTests
{
    private const string Relationships = "SELECT id, user_id, related_user_id, relationship_type FROM relationships";
    private const string Archived = "SELECT id, user_id, related_user_id, relationship_type FROM relationships_duplicates_0010";
    private const string WorkItems = "SELECT id, user_id, workspace_id, room_id, title FROM work_items";
    private const string AuditLogs = "SELECT id, admin_user_id, action FROM audit_logs";
    private const string Deliveries = "SELECT id, message_id, recipient_user_id, status FROM thread_message_deliveries";

    private D1Project _project = null!;

    [OneTimeSetUp]
    public void CreateProject() => _project = new D1Project();

    [OneTimeTearDown]
    public void RemoveProject() => _project.Dispose();

    [Test]
    public async Task Rebuilds_keep_every_child_row_whose_parent_survives()
    {
        await StepAsync("migrate", "--target", "9", "--allow-data-loss");
        // Two pairs twice, the second of each 'blocked' (the row 0010 keeps), so 0010 has duplicates to move aside.
        await _project.QueryAsync("INSERT INTO relationships (id, user_id, related_user_id, relationship_type, created_at) " +
            "SELECT 'd1-dup-' || id, user_id, related_user_id, 'blocked', created_at FROM relationships ORDER BY id LIMIT 2");
        var relationships = await _project.RowsAsync(Relationships);
        var workItems = await _project.RowsAsync(WorkItems);
        var auditLogs = await _project.RowsAsync(AuditLogs);
        Assert.That(relationships.Count - relationships.Select(r => string.Join("|", r.Split('|')[1..3])).Distinct().Count(), Is.Positive, "the seed holds duplicate pairs for 0010 to resolve");
        Assert.That(workItems, Is.Not.Empty);
        Assert.That(auditLogs.Where(a => !a.Contains("|NULL|", StringComparison.Ordinal)), Is.Not.Empty, "audit rows that name their admin");

        // 0010 moves duplicates aside (nothing deleted outright), 0024 rebuilds work_items, 0026 rebuilds thread_messages.
        await StepAsync("migrate", "--allow-data-loss");
        Assert.That((await _project.RowsAsync(Relationships)).Concat(await _project.RowsAsync(Archived)), Is.EquivalentTo(relationships));
        Assert.That(await _project.RowsAsync(WorkItems), Is.SupersetOf(workItems));
        Assert.That(await _project.RowsAsync(AuditLogs), Is.SupersetOf(auditLogs));
        var deliveries = await _project.RowsAsync(Deliveries);
        Assert.That(deliveries, Is.Not.Empty, "the seed's deliveries, children of thread_messages");
        var auditLatest = await _project.RowsAsync(AuditLogs);
        var workItemsLatest = await _project.RowsAsync("SELECT id, user_id, workspace_id, room_id, title FROM work_items");

        // 0026 Down deletes thread_messages' key to threads and drops threads: the key was ON DELETE CASCADE, so
        // the runner applies it (issue 14, item 13): the seed's messages, all in threads, go, and their deliveries
        // with them; nothing is left pointing at nothing (StepAsync checks foreign_key_check on D1).
        await StepAsync("rollback", "--to", "25", "--allow-data-loss");
        Assert.That(await _project.RowsAsync("SELECT count(*) FROM thread_messages"), Is.EqualTo(new[] { "0" }));
        Assert.That(await _project.RowsAsync(Deliveries), Is.Empty);

        // 0025 Down rebuilds admin_users: audit_logs keep their admin (SET NULL would blank it); 0024 and 0010 go back.
        await StepAsync("rollback", "--to", "9", "--allow-data-loss");
        Assert.That(await _project.RowsAsync(AuditLogs), Is.EquivalentTo(auditLatest));
        Assert.That(await _project.RowsAsync(WorkItems), Is.EquivalentTo(workItemsLatest));
        Assert.That(await _project.RowsAsync(Relationships), Is.EquivalentTo(relationships), "0010's Down puts the duplicates back");
    }

    private async Task StepAsync(params string[] args)
    {
        var run = await _project.RunAsync(args);
        Assert.That(run.ExitCode, Is.Zero, RunnerProcess.Describe(run));
        Assert.That(await _project.RowsAsync("SELECT * FROM pragma_foreign_key_check"), Is.Empty, $"foreign_key_check after {string.Join(' ', args)}");
    }
}
