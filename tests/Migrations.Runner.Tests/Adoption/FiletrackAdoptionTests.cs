using Migrations.Testing;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// filetrack's documented adoption (issue 15, item 4; docs/databases/filetrack.md, "Adopting the
/// live database"), with the commands the doc gives, against a database made as production's was:
/// a Supabase project (its roles, its own <c>auth</c>, extensions) into which the real Supabase CLI
/// pushed <c>99999999999999_master_consolidated_schema.sql</c> and recorded it in
/// <c>supabase_migrations.schema_migrations</c>; <c>nps_submissions</c> not yet pushed. The file is
/// the master's SQL as <c>script</c> writes it, without our journal's statements. Built once; each
/// test adopts a copy.
/// </summary>
[NonParallelizable]
public sealed class FiletrackAdoptionTests
{
    private const string Master = "20250119000000";
    private const string Nps = "20250120000000";
    private const string SupabaseMaster = "99999999999999";
    private const string SupabaseJournal = "supabase_migrations.schema_migrations";
    private const string UserId = "0b8c4a1e-5d2f-4c3b-9a7e-1f2e3d4c5b6a";

    private string _project = null!;
    private TestDatabase _live = null!;
    private string _supabaseRows = null!;
    private TestDatabase _db = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public async Task MadeByTheSupabaseCli()
    {
        _project = RunnerProcess.TempDirectory();
        _live = TestDatabase.Create(Provider.Postgres, "filetrack_live");
        _live.Execute(SupabasePlatform.Sql);

        var script = Path.Combine(_project, "master.sql");
        var scripted = await Filetrack(_live, _project, "script", "--target", Master, "--out", script);
        Assert.That(scripted.ExitCode, Is.Zero, RunnerProcess.Describe(scripted));
        var lines = File.ReadAllLines(script);
        var teamFile = lines.Where(line => !IsOurJournal(line)).ToArray();
        Assert.That(lines.Length - teamFile.Length, Is.EqualTo(4), "our journal's schema, table, index and row are the only lines left out");
        var migrations = Directory.CreateDirectory(Path.Combine(_project, "supabase", "migrations"));
        File.WriteAllLines(Path.Combine(migrations.FullName, SupabaseMaster + "_master_consolidated_schema.sql"), teamFile);

        var push = await SupabaseCli.RunAsync(_project, "db", "push", "--db-url", SupabaseCli.DbUrl(_live.ConnectionString), "--yes");
        Assert.That(push.ExitCode, Is.Zero, RunnerProcess.Describe(push));

        // The application's rows since then.
        _live.Execute($"""
            INSERT INTO public.users (id, email, name) VALUES ('{UserId}', 'ada@example.com', 'Ada');
            INSERT INTO public.events ("userId", "filePath", "eventType", "fileExtension") VALUES ('{UserId}', '/home/ada/report.pdf', 'opened', 'pdf');
            INSERT INTO public.privacy_prefs ("userId") VALUES ('{UserId}');
            """);
        _supabaseRows = SupabaseRows(_live);
        Assert.That(_live.Query($"SELECT version, name FROM {SupabaseJournal}").Select(r => $"{r[0]} {r[1]}"),
            Is.EqualTo(new[] { $"{SupabaseMaster} master_consolidated_schema" }));
        Assert.That(_live.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations'"), Is.Zero, "no journal of ours");
    }

    [OneTimeTearDown]
    public void DropLive()
    {
        _live.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [SetUp]
    public void CopyLive()
    {
        _work = RunnerProcess.TempDirectory();
        _db = TestDatabase.CopyOf(_live, "filetrack");
    }

    [TearDown]
    public void DropCopy()
    {
        _db.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private static bool IsOurJournal(string line) =>
        line.StartsWith("CREATE SCHEMA IF NOT EXISTS \"migrations\"", StringComparison.Ordinal)
        || line.Contains("\"migrations\".\"VersionInfo\"", StringComparison.Ordinal);

    private static Task<RunnerProcess.Result> Filetrack(TestDatabase db, string work, params string[] args) =>
        RunnerProcess.RunAsync(work, null, [.. args, "--database", "filetrack", "--connection", db.ConnectionString, "--environment", "Production"]);

    private Task<RunnerProcess.Result> Filetrack(params string[] args) => Filetrack(_db, _work, args);

    // The journal's rows as PostgreSQL renders them: any change to a version, a statement or a name shows.
    private static string SupabaseRows(TestDatabase db) =>
        string.Join("\n", db.Query($"SELECT t::text FROM {SupabaseJournal} t ORDER BY version").Select(r => (string)r[0]!));

    private IEnumerable<string> Journal() =>
        _db.Query($"SELECT \"Version\"::text || ' ' || coalesce(\"Baseline\", 'applied') FROM {_db.Journal} ORDER BY \"Version\"").Select(r => (string)r[0]!);

    private long RlsTables => _db.Count("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity");

    private long Policies(string table) => _db.Count($"SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND tablename = '{table}'");

    private bool NpsExists => _db.Count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'nps_submissions'") == 1;

    [Test]
    public async Task The_pushed_master_is_baselined_from_the_supabase_journal_and_migrate_adds_nps_submissions_with_rls()
    {
        var rlsTables = RlsTables;
        var events = Policies("events");
        Assert.That(rlsTables, Is.EqualTo(25), "every table of the master has row-level security");

        var dryRun = await Filetrack("baseline", "--dry-run");
        Assert.That(dryRun.ExitCode, Is.Zero, RunnerProcess.Describe(dryRun));
        Assert.That(dryRun.StandardOutput, Does.Contain($"would record {Master}: MasterConsolidatedSchema").And.Not.Contain($"{Nps}:"));
        Assert.That(_db.Count("SELECT count(*) FROM pg_namespace WHERE nspname = 'migrations'"), Is.Zero, "a dry run writes nothing");

        var baseline = await Filetrack("baseline");

        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        Assert.That(baseline.StandardOutput, Does.Contain($"filetrack: {SupabaseJournal} entry {SupabaseMaster} is {Master}: MasterConsolidatedSchema"));
        Assert.That(baseline.StandardOutput, Does.Not.Contain("maps to no migration"));
        Assert.That(baseline.StandardOutput, Does.Match(
            $@"filetrack: recorded {Master}: MasterConsolidatedSchema \(live schema matched version {Master} \(\d+ objects\); {SupabaseJournal}: {SupabaseMaster}\)"));
        Assert.That(Journal(), Has.Exactly(1).Items.And.All.Match($"^{Master} live schema matched version {Master} "));

        var status = await Filetrack("status");
        Assert.That(status.StandardOutput, Does.Match($@"{Master}  baselined .*99999999999999_master_consolidated_schema").And.Match($@"{Nps}  pending +20250120000000_nps_submissions"));
        var validate = await Filetrack("validate");
        Assert.That(validate.ExitCode, Is.Zero, RunnerProcess.Describe(validate));
        var drift = await Filetrack("drift");
        Assert.That(drift.ExitCode, Is.Zero, RunnerProcess.Describe(drift));

        var migrate = await Filetrack("migrate", "--backup", Path.Combine(_work, "backups"));

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        Assert.That(NpsExists, Is.True);
        Assert.That(Journal(), Is.EqualTo(new[] { Journal().First(), $"{Nps} applied" }));
        Assert.That(RlsTables, Is.EqualTo(rlsTables + 1), "row-level security stays on every master table and is on for nps_submissions");
        Assert.That(Policies("nps_submissions"), Is.EqualTo(5));
        Assert.That(Policies("events"), Is.EqualTo(events));
        Assert.That(_db.Count($"SELECT count(*) FROM public.events WHERE \"userId\" = '{UserId}'"), Is.EqualTo(1), "the live rows stayed");
        var after = await Filetrack("drift");
        Assert.That(after.ExitCode, Is.Zero, RunnerProcess.Describe(after));

        Assert.That(SupabaseRows(_db), Is.EqualTo(_supabaseRows), "the Supabase CLI's journal is never modified");
        var list = await SupabaseCli.RunAsync(_work, "migration", "list", "--db-url", SupabaseCli.DbUrl(_db.ConnectionString));
        Assert.That(list.ExitCode, Is.Zero, RunnerProcess.Describe(list));
        Assert.That(list.StandardOutput, Does.Contain(SupabaseMaster).And.Not.Contain(Nps), "the CLI still reads its own history, as it was");
    }

    [Test]
    public async Task Rolling_back_the_baselined_master_follows_its_down_and_leaves_supabases_own_auth()
    {
        var baseline = await Filetrack("baseline");
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));

        var rollback = await Filetrack("rollback", "--allow-data-loss", "--backup", Path.Combine(_work, "backups"));

        Assert.That(rollback.ExitCode, Is.Zero, RunnerProcess.Describe(rollback));
        Assert.That(SchemaSnapshot.Tables(_db), Is.Empty, "the master's Down() dropped its tables");
        Assert.That(_db.Count("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'"), Is.Zero);
        Assert.That(_db.Count("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"), Is.Zero);
        Assert.That(_db.Count(SupabasePlatform.OwnAuthUidExists), Is.EqualTo(1), "Supabase's auth.uid() is not the migration's to drop");
        Assert.That(_db.Count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth', 'extensions', 'storage', 'graphql_public')"), Is.EqualTo(4));
        Assert.That(Journal(), Is.Empty);
        Assert.That(SupabaseRows(_db), Is.EqualTo(_supabaseRows));
    }

    // What a hurried fix in the Supabase dashboard leaves: RLS off on a table, a policy widened, a helper rewritten.
    private static void ChangeSecurityByHand(TestDatabase db) => db.Execute("""
        ALTER TABLE public.metrics_log DISABLE ROW LEVEL SECURITY;
        ALTER POLICY "events_select_own" ON public.events USING (true);
        CREATE OR REPLACE FUNCTION public.is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
            SELECT true
        $fn$;
        """);

    [Test]
    public async Task Row_level_security_changed_by_hand_is_refused_by_baseline_and_reported_by_drift()
    {
        using (var changed = TestDatabase.CopyOf(_live, "filetrack_changed"))
        {
            ChangeSecurityByHand(changed);

            var refused = await Filetrack(changed, _work, "baseline");

            Assert.That(refused.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(refused));
            Assert.That(refused.StandardOutput, Does.Contain($"it is closest to {Master} with 3 difference(s)"));
            AssertSecurityDifferences(refused.StandardOutput);
            Assert.That(changed.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations'"), Is.Zero, "nothing was written");
        }

        var baseline = await Filetrack("baseline");
        Assert.That(baseline.ExitCode, Is.Zero, RunnerProcess.Describe(baseline));
        ChangeSecurityByHand(_db);

        var drift = await Filetrack("drift");

        Assert.That(drift.ExitCode, Is.EqualTo(3), RunnerProcess.Describe(drift));
        Assert.That(drift.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3), drift.StandardOutput);
        AssertSecurityDifferences(drift.StandardOutput);
    }

    private static void AssertSecurityDifferences(string output)
    {
        Assert.That(output, Does.Contain("filetrack: row level security public.metrics_log: expected enabled, found none"));
        Assert.That(output, Does.Contain("filetrack: policy public.events.events_select_own: expected permissive for select to authenticated using ((\"userId\" = auth.uid())), found permissive for select to authenticated using (true)"));
        Assert.That(output, Does.Contain("filetrack: function public.is_admin(): expected ...").And.Contain("$function$ SELECT EXISTS (SELECT 1 FROM public.users WHERE \"id\" = auth.uid() AND \"role\" = 'admin') $function$, found ...")
            .And.Contain("$function$ SELECT true $function$"));
    }
}
