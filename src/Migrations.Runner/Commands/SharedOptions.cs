using System.CommandLine;
using Migrations.Runner.Cli;

namespace Migrations.Runner.Commands;

/// <summary>Options that more than one command declares, defined once so their names and help agree.</summary>
internal static class SharedOptions
{
    /// <summary>Reads the three journal-check options into the request.</summary>
    public static RunRequest WithJournalChecks(this RunRequest request, ParseResult result) => request with
    {
        AllowOutOfOrder = result.GetValue(AllowOutOfOrder),
        AllowMissing = result.GetValue(AllowMissing),
        AllowBreakingChange = result.GetValue(AllowBreakingChange),
    };

    public static readonly Option<string> Profile = OptionRules.NotEmpty(new("--profile") { Description = "The seeding profile to run after migrations (default: the environment's)" });
    public static readonly Option<long?> Target = new("--target") { Description = "Migrate up to and including this version (default: latest)", HelpName = "version" };
    public static readonly Option<int?> Steps = new("--steps") { Description = "How many applied versions to undo, newest first (default: 1)", HelpName = "n" };
    public static readonly Option<long?> To = new("--to") { Description = "Undo every applied version newer than this one; 0 undoes all", HelpName = "version" };
    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the SQL this command would run and change nothing" };
    public static readonly Option<int?> SeedScale = new("--seed-scale") { Description = "Rows in the largest tables the Staging profile generates (default: the environment's SeedScale, else 1000)", HelpName = "n" };
    public static readonly Option<bool> ForceSeed = new("--force-seed") { Description = "Allow a Development or Staging profile in an environment named Production (refused otherwise)" };
    public static readonly Option<bool> AllowDataLoss = new("--allow-data-loss") { Description = "Run steps that destroy data (drop a populated table or column, delete rows); refused with exit 3 otherwise" };
    public static readonly Option<bool> AllowOutOfOrder = new("--allow-out-of-order") { Description = "Apply pending migrations older than the newest applied one (a hotfix merged late); refused with exit 3 otherwise" };
    public static readonly Option<bool> AllowMissing = new("--allow-missing") { Description = "Go ahead although the journal has versions the code no longer has (an older build over a newer database); refused with exit 3 otherwise" };
    public static readonly Option<bool> AllowBreakingChange = new("--allow-breaking-change") { Description = "Apply migrations marked as breaking changes ([Migration(v, BreakingChange = true)]); refused with exit 3 otherwise" };

    /// <summary>The three that let a deploy past a journal check, on every command that plans a migrate.</summary>
    public static readonly IReadOnlyList<Option> JournalChecks = [AllowOutOfOrder, AllowMissing, AllowBreakingChange];

    public static readonly Option<string> ShadowConnection = OptionRules.NotEmpty(new("--shadow-connection") { Description = "PostgreSQL: an empty database to build the migrations' schema in (emptied again afterwards). Default: a scratch database created beside the live one and dropped, which needs CREATEDB; SQLite builds it in memory", HelpName = "connection" });
    public static readonly Option<string> Backup = OptionRules.NotEmpty(new("--backup") { Description = "Back up the database into this directory before the first change (SQLite online backup; PostgreSQL pg_dump -Fc). Default: Migrations:BackupDirectory; required where the environment sets RequireBackup (Production). A missing directory is created; one that cannot take a file stops the run before anything changed", HelpName = "dir" });
}
