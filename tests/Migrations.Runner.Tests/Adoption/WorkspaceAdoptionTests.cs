using System.Globalization;
using Migrations.Testing;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// workspace's documented adoption (issue 15, item 4; docs/databases/workspace.md, "Adopting the
/// live database"), with the commands the doc gives, against SQLite files made as the D1 database
/// was: wrangler's files applied one batch at a time with their <c>d1_migrations</c> rows, in a
/// file shaped as wrangler's local D1 (WAL, <c>_cf_METADATA</c>). One at 0026, one at 0022; both
/// built once, each test adopting a copy. Until the d1 provider lands, this is what the doc's
/// exported copy is (the export carries <c>d1_migrations</c> and leaves <c>_cf_METADATA</c> out).
/// </summary>
[NonParallelizable]
public sealed class WorkspaceAdoptionTests
{
    /// <summary>The seed's files, 0001 to 0026 with their gaps.</summary>
    private static readonly string[] Files =
    [
        "0001_init_core.sql", "0002_team_lists_events.sql", "0003_admin.sql", "0004_indexes.sql", "0005_ai_costs.sql",
        "0006_indexes_ai_costs.sql", "0008_relationship_requests.sql", "0009_log_summaries.sql", "0010_relationships_unique_pair.sql",
        "0014_admin_import_sessions.sql", "0015_system_settings.sql", "0016_ai_provider_settings_unique_provider.sql",
        "0017_ai_provider_keys_masked_preview.sql", "0018_ai_provider_keys_index.sql", "0021_list_member_delivery_prefs.sql",
        "0022_thread_messages.sql", "0024_work_items_visibility_scope.sql", "0025_admin_workspace_access_v2.sql",
        "0026_threads_and_invites.sql",
    ];

    private static readonly string[] UpTo22 = Files[..16];

    private string _files = null!;
    private TestDatabase _at26 = null!;
    private TestDatabase _at22 = null!;
    private TestDatabase? _db;
    private string _work = null!;

    [OneTimeSetUp]
    public async Task AppliedByWrangler()
    {
        _files = RunnerProcess.TempDirectory();
        var script = Path.Combine(_files, "migrate.sql");
        var scripted = await RunnerProcess.RunAsync(_files, null, "script", "--database", "workspace", "--connection", $"Data Source={Path.Combine(_files, "empty.db")}",
            "--environment", "Production", "--target", "26", "--out", script);
        Assert.That(scripted.ExitCode, Is.Zero, RunnerProcess.Describe(scripted));
        var files = LocalD1.FilesOf(File.ReadAllText(script));
        Assert.That(files.Select(f => f.Name), Is.EqualTo(Files), "the team's files are the seed's");

        _at26 = TestDatabase.Create(Provider.Sqlite, "workspace_at_26");
        LocalD1.Create(_at26.FilePath, files);
        _at26.Execute("""
            INSERT INTO users (id, email, display_name) VALUES ('u-ada', 'ada@example.com', 'Ada'), ('u-bo', 'bo@example.com', 'Bo');
            INSERT INTO work_items (id, user_id, title, visibility_scope) VALUES ('w-1', 'u-ada', 'Plan the offsite', 'squad');
            INSERT INTO threads (id, user_id, title) VALUES ('t-1', 'u-ada', 'Pottery weekend');
            INSERT INTO thread_messages (id, thread_id, sender_user_id, body) VALUES ('m-1', 't-1', 'u-ada', 'Who is in?');
            """);

        _at22 = TestDatabase.Create(Provider.Sqlite, "workspace_at_22");
        LocalD1.Create(_at22.FilePath, files.Take(UpTo22.Length));
        _at22.Execute("""
            INSERT INTO users (id, email, display_name) VALUES ('u-ada', 'ada@example.com', 'Ada');
            INSERT INTO work_items (id, user_id, title, visibility) VALUES ('w-1', 'u-ada', 'Plan the offsite', 'room');
            """);

        Assert.That(_at26.Query("SELECT name FROM d1_migrations ORDER BY id").Select(r => (string)r[0]!), Is.EqualTo(Files));
        Assert.That(_at26.Count("SELECT count(*) FROM sqlite_master WHERE name IN ('_cf_METADATA', 'VersionInfo')"), Is.EqualTo(1), "D1's metadata, no journal of ours");
        Assert.That(_at26.Scalar("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [OneTimeTearDown]
    public void DropFiles()
    {
        _at26.Dispose();
        _at22.Dispose();
        Directory.Delete(_files, recursive: true);
    }

    [SetUp]
    public void CreateWork() => _work = RunnerProcess.TempDirectory();

    [TearDown]
    public void DropCopy()
    {
        _db?.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private Task<RunnerProcess.Result> Workspace(params string[] args) =>
        RunnerProcess.RunAsync(_work, null, [.. args, "--database", "workspace", "--connection", Db.ConnectionString, "--environment", "Production"]);

    private TestDatabase Db => _db ?? throw new InvalidOperationException("the test has not copied its database yet");

    private string Backups => Path.Combine(_work, "backups");

    private static long VersionOf(string file) => long.Parse(file[..4], CultureInfo.InvariantCulture);

    private string D1Journal => string.Join("\n", Db.Query(LocalD1.JournalSnapshot).Select(r => (string)r[0]!));

    private List<(long Version, string? Baseline)> Journal() =>
        Db.Query($"SELECT \"Version\", \"Baseline\" FROM {Db.Journal} ORDER BY \"Version\"").Select(r => (Convert.ToInt64(r[0], CultureInfo.InvariantCulture), (string?)r[1])).ToList();

    private static void AssertEveryFileMapped(string output, IEnumerable<string> files, long matched)
    {
        Assert.That(output, Does.Not.Contain("maps to no migration"));
        foreach (var file in files)
        {
            var version = VersionOf(file);
            Assert.That(output, Does.Contain($"workspace: d1_migrations entry {file} is {version}: M{version:0000}_"), file);
            Assert.That(output, Does.Match($@"workspace: recorded {version}: M{version:0000}_\w+ \(live schema matched version {matched} \(\d+ objects\); d1_migrations: {file.Replace(".", "\\.", StringComparison.Ordinal)}\)"), file);
        }
    }

    [Test]
    public async Task The_d1_database_at_0026_is_baselined_file_by_file_and_d1_migrations_is_left_as_it_was()
    {
        _db = TestDatabase.CopyOf(_at26, "workspace");
        var d1 = D1Journal;

        var dryRun = await Workspace("baseline", "--dry-run");
        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput, Does.Contain("would record 26: M0026_ThreadsAndInvites"));
        Assert.That(Db.Count("SELECT count(*) FROM sqlite_master WHERE name = 'VersionInfo'"), Is.Zero, "a dry run writes nothing");
        var baseline = await Workspace("baseline");

        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        AssertEveryFileMapped(baseline.StandardOutput, Files, 26);
        var journal = Journal();
        Assert.That(journal.Select(r => r.Version), Is.EqualTo(Files.Select(VersionOf)));
        Assert.That(journal.Select(r => r.Baseline), Is.EqualTo(Files.Select(f => journal[0].Baseline![..journal[0].Baseline!.IndexOf(';', StringComparison.Ordinal)] + "; d1_migrations: " + f)),
            "each row names its own wrangler file as evidence");

        var status = await Workspace("status");
        Assert.That(status.StandardOutput.Split('\n').Count(l => l.Contains("  baselined ", StringComparison.Ordinal)), Is.EqualTo(Files.Length), status.StandardOutput);
        Assert.That(status.StandardOutput, Does.Match(@"\s28  pending ").And.Match(@"\s27  not for this environment "));
        var validate = await Workspace("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));
        var drift = await Workspace("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        Assert.That(drift.StandardOutput.Trim(), Is.Empty, "neither d1_migrations nor _cf_METADATA is drift");
        Assert.That(D1Journal, Is.EqualTo(d1), "wrangler's journal is never modified");
    }

    [Test]
    public async Task Rolling_back_the_baselined_0026_follows_its_down()
    {
        _db = TestDatabase.CopyOf(_at26, "workspace");
        var d1 = D1Journal;
        var baseline = await Workspace("baseline");
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));

        var rollback = await Workspace("rollback", "--allow-data-loss", "--backup", Backups);

        Assert.That(rollback.ExitCode, Is.Zero, RunnerProcess.Describe(rollback));
        Assert.That(Journal().Select(r => r.Version).Max(), Is.EqualTo(25));
        Assert.That(Db.Count("SELECT count(*) FROM sqlite_master WHERE name IN ('threads', 'thread_invites', 'thread_participants')"), Is.Zero);
        Assert.That(Db.Count("SELECT count(*) FROM pragma_foreign_key_list('thread_messages') WHERE \"table\" = 'threads'"), Is.Zero);
        // Its message was in thread t-1: the key 0026's Down() deletes was ON DELETE CASCADE, so the runner applies that rule (issue 14, item 13).
        Assert.That(Db.Count("SELECT count(*) FROM thread_messages"), Is.Zero, "the dropped thread's message went with it, as its key says");
        Assert.That(Db.Query("PRAGMA foreign_key_check"), Is.Empty);
        var drift = await Workspace("drift");
        Assert.That(drift.ExitCode, Is.Zero, "the schema is exactly 0001-0025's\n" + RunnerProcess.Describe(drift));
        Assert.That(D1Journal, Is.EqualTo(d1));
    }

    [Test]
    public async Task A_d1_database_at_0022_is_baselined_up_to_0022_and_migrate_applies_the_rest()
    {
        _db = TestDatabase.CopyOf(_at22, "workspace");
        var d1 = D1Journal;

        var baseline = await Workspace("baseline");

        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        AssertEveryFileMapped(baseline.StandardOutput, UpTo22, 22);
        Assert.That(baseline.StandardOutput, Does.Not.Contain("recorded 24:"));
        Assert.That(Journal().Select(r => r.Version), Is.EqualTo(UpTo22.Select(VersionOf)));

        var migrate = await Workspace("migrate", "--backup", Backups);

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        var journal = Journal();
        Assert.That(journal.Select(r => r.Version), Is.EqualTo(Files.Select(VersionOf).Append(28)));
        Assert.That(journal.Where(r => r.Baseline is not null).Select(r => r.Version), Is.EqualTo(UpTo22.Select(VersionOf)));
        Assert.That(Db.Scalar("SELECT visibility_scope FROM work_items WHERE id = 'w-1'"), Is.EqualTo("room"), "0024's rebuild kept the live row");
        var drift = await Workspace("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));
        Assert.That(D1Journal, Is.EqualTo(d1));
    }
}
