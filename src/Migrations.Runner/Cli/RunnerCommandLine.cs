using System.CommandLine;

namespace Migrations.Runner.Cli;

/// <summary>The command-line contract of DESIGN.md section 3: commands, options with these exact names, and help.</summary>
public static class RunnerCommandLine
{
    private static readonly Option<string> Database = new("--database") { Description = "One of claims, filetrack, junkquote, clearway, workspace, or all (the default; rollback needs one name)", HelpName = "name|all" };
    private static readonly Option<string> Assembly = new("--assembly") { Description = "Run the migrations of this assembly instead (built against Migrations.Engine); its name is the database name unless --database gives one", HelpName = "path" };
    private static readonly Option<string> Provider = new("--provider") { Description = "postgres or sqlite (default: from configuration, else from the connection string, else sqlite)" };
    private static readonly Option<string> Connection = new("--connection") { Description = "Connection string for the one database named by --database (overrides ConnectionStrings:<database>)" };
    private static readonly Option<string> Environment = new("--environment") { Description = "Development, Staging, Production or another configured environment (default: DOTNET_ENVIRONMENT; Development for the embedded SQLite default)" };
    private static readonly Option<string[]> Tag = new("--tag") { Description = "A run tag (repeatable); replaces the environment's configured tags", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> Profile = new("--profile") { Description = "The seeding profile to run after migrations (default: the environment's)" };
    private static readonly Option<long?> Target = new("--target") { Description = "Migrate up to and including this version (default: latest)", HelpName = "version" };
    private static readonly Option<int?> Steps = new("--steps") { Description = "How many applied versions to undo, newest first (default: 1)", HelpName = "n" };
    private static readonly Option<long?> To = new("--to") { Description = "Undo every applied version newer than this one; 0 undoes all", HelpName = "version" };
    private static readonly Option<bool> FailOnPending = new("--fail-on-pending") { Description = "Exit 3 when any migration is pending" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON array (one object per database and migration) on standard output" };
    private static readonly Option<string> Out = new("--out") { Description = "Write the SQL to this file instead of standard output", HelpName = "file" };
    private static readonly Option<bool> Rollback = new("--rollback") { Description = "Script the SQL of a rollback (with --steps or --to) instead of a migrate" };
    private static readonly Option<int?> LockTimeout = new("--lock-timeout") { Description = "Seconds to wait for another run's lock before exit 4 (default: Migrations:LockTimeoutSeconds, 60)", HelpName = "seconds" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the SQL this command would run and change nothing" };
    private static readonly Option<int?> SeedScale = new("--seed-scale") { Description = "Rows in the largest tables the Staging profile generates (default: the environment's SeedScale, else 1000)", HelpName = "n" };
    private static readonly Option<bool> ForceSeed = new("--force-seed") { Description = "Allow a Development or Staging profile in an environment named Production (refused otherwise)" };
    private static readonly Option<bool> AllowDataLoss = new("--allow-data-loss") { Description = "Run steps that destroy data (drop a populated table or column, delete rows); refused with exit 3 otherwise" };
    private static readonly Option<string> Backup = new("--backup") { Description = "Back up the database into this directory before the first change (SQLite online backup; PostgreSQL pg_dump -Fc). Default: Migrations:BackupDirectory; required where the environment sets RequireBackup (Production)", HelpName = "dir" };
    private static readonly Option<string> LogFormat = new("--log-format") { Description = "text or json (JSON lines on standard error)", DefaultValueFactory = _ => "text" };

    public static RootCommand Build(Func<RunRequest, CancellationToken, Task<int>> execute)
    {
        LogFormat.AcceptOnlyFromAmong("text", "json");
        Provider.AcceptOnlyFromAmong("postgres", "sqlite");
        var root = new RootCommand("Versioned migrations for the claims, filetrack, junkquote, clearway and workspace databases.");
        Option[] common = [Database, Assembly, Provider, Connection, Environment, Tag, LockTimeout, LogFormat];

        root.Add(Command("migrate", "Apply pending migrations (up to --target), then the environment's seeding profile", execute, common, [Target, Profile, SeedScale, ForceSeed, AllowDataLoss, Backup, DryRun]));
        root.Add(Command("rollback", "Undo the newest applied migration of one --database; --steps N or --to V undo more", execute, common, [Steps, To, AllowDataLoss, Backup, DryRun]));
        root.Add(Command("status", "List every migration: version, description, tags, applied (when, by whom) or pending", execute, common, [Json, FailOnPending]));
        root.Add(Command("validate", "Compare the journal with the code: unknown applied versions, edited applied migrations, order problems (exit 3)", execute, common, []));
        root.Add(Command("script", "Write the SQL a migrate (or, with --rollback, a rollback) would run, without running it", execute, common, [Target, Rollback, Steps, To, Out]));
        root.Add(Command("seed", "Run a seeding profile alone, under the run lock", execute, common, [Profile, SeedScale, ForceSeed]));
        return root;
    }

    private static Command Command(string name, string description, Func<RunRequest, CancellationToken, Task<int>> execute, Option[] common, Option[] own)
    {
        var command = new Command(name, description);
        foreach (var option in common.Concat(own))
        {
            command.Add(option);
        }

        command.SetAction((result, cancellationToken) => execute(ToRequest(name, result), cancellationToken));
        return command;
    }

    private static RunRequest ToRequest(string command, ParseResult result) => new(command)
    {
        Database = result.GetValue(Database),
        AssemblyPath = result.GetValue(Assembly),
        Provider = result.GetValue(Provider),
        Connection = result.GetValue(Connection),
        Environment = result.GetValue(Environment),
        Tags = result.GetValue(Tag) ?? [],
        Profile = result.GetValue(Profile),
        Target = result.GetValue(Target),
        Steps = result.GetValue(Steps),
        ToVersion = result.GetValue(To),
        FailOnPending = result.GetValue(FailOnPending),
        Json = result.GetValue(Json),
        OutFile = result.GetValue(Out),
        Rollback = result.GetValue(Rollback),
        LockTimeoutSeconds = result.GetValue(LockTimeout),
        DryRun = result.GetValue(DryRun),
        LogFormat = result.GetValue(LogFormat) ?? "text",
        SeedScale = result.GetValue(SeedScale),
        ForceSeed = result.GetValue(ForceSeed),
        AllowDataLoss = result.GetValue(AllowDataLoss),
        BackupDirectory = result.GetValue(Backup),
    };
}
