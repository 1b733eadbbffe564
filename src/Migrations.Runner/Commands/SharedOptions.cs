using System.CommandLine;

namespace Migrations.Runner.Commands;

/// <summary>Options that more than one command declares, defined once so their names and help agree.</summary>
internal static class SharedOptions
{
    public static readonly Option<string> Profile = new("--profile") { Description = "The seeding profile to run after migrations (default: the environment's)" };
    public static readonly Option<long?> Target = new("--target") { Description = "Migrate up to and including this version (default: latest)", HelpName = "version" };
    public static readonly Option<int?> Steps = new("--steps") { Description = "How many applied versions to undo, newest first (default: 1)", HelpName = "n" };
    public static readonly Option<long?> To = new("--to") { Description = "Undo every applied version newer than this one; 0 undoes all", HelpName = "version" };
    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the SQL this command would run and change nothing" };
    public static readonly Option<int?> SeedScale = new("--seed-scale") { Description = "Rows in the largest tables the Staging profile generates (default: the environment's SeedScale, else 1000)", HelpName = "n" };
    public static readonly Option<bool> ForceSeed = new("--force-seed") { Description = "Allow a Development or Staging profile in an environment named Production (refused otherwise)" };
    public static readonly Option<bool> AllowDataLoss = new("--allow-data-loss") { Description = "Run steps that destroy data (drop a populated table or column, delete rows); refused with exit 3 otherwise" };
    public static readonly Option<string> Backup = new("--backup") { Description = "Back up the database into this directory before the first change (SQLite online backup; PostgreSQL pg_dump -Fc). Default: Migrations:BackupDirectory; required where the environment sets RequireBackup (Production)", HelpName = "dir" };
}
