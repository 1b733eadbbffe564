using System.CommandLine;

namespace Migrations.Runner.Cli;

/// <summary>The options every command takes: which databases, how to reach them, the environment, the lock and the log format.</summary>
public static class CommonOptions
{
    public static readonly Option<string> Database = OptionRules.NotEmpty(new("--database") { Description = "One of claims, filetrack, junkquote, clearway, workspace, or all (the default, less those with Migrations:Databases:<name>:Skip; rollback needs one name)", HelpName = "name|all" });
    public static readonly Option<string> Assembly = OptionRules.NotEmpty(new("--assembly") { Description = "Run the FluentMigrator migrations of this assembly instead (built against FluentMigrator 8.0.1); its name is the database name unless --database gives one", HelpName = "path" });
    public static readonly Option<string> Provider = OptionRules.AcceptOnly(new("--provider") { Description = "postgres, sqlite or d1 (Cloudflare D1 through wrangler; default: from configuration, else from the connection string, else sqlite)" }, "postgres", "sqlite", "d1");
    public static readonly Option<string> Connection = OptionRules.NotEmpty(new("--connection") { Description = "Connection string for the one database named by --database (overrides ConnectionStrings:<database>; outside Development every database needs one)" });
    public static readonly Option<string> Environment = OptionRules.NotEmpty(new("--environment") { Description = "Development, Staging, Production or another configured environment (default: DOTNET_ENVIRONMENT; Development for the embedded SQLite default)" });
    public static readonly Option<string[]> Tag = OptionRules.NoneEmpty(new("--tag") { Description = "A run tag (repeatable); replaces the environment's configured tags", AllowMultipleArgumentsPerToken = false });
    public static readonly Option<int?> LockTimeout = OptionRules.NotNegative(new("--lock-timeout") { Description = "Seconds to wait for another run's lock before exit 4 (default: Migrations:LockTimeoutSeconds, 60)", HelpName = "seconds" }, "seconds");
    public static readonly Option<string> LogFormat = OptionRules.AcceptOnly(new("--log-format") { Description = "text or json (JSON lines on standard error; fields in docs/logging.md)", DefaultValueFactory = _ => "text" }, "text", "json");
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Also log each SQL statement as it runs (passwords masked)" };

    public static IReadOnlyList<Option> All { get; } = Build();

    /// <summary>The request's common part, read from a parse of any command.</summary>
    public static RunRequest Read(string command, ParseResult result) => new(command)
    {
        Database = result.GetValue(Database),
        AssemblyPath = result.GetValue(Assembly),
        Provider = result.GetValue(Provider),
        Connection = result.GetValue(Connection),
        Environment = result.GetValue(Environment),
        Tags = result.GetValue(Tag) ?? [],
        LockTimeoutSeconds = result.GetValue(LockTimeout),
        LogFormat = result.GetValue(LogFormat) ?? "text",
        Verbose = result.GetValue(Verbose),
    };

    private static Option[] Build() => [Database, Assembly, Provider, Connection, Environment, Tag, LockTimeout, LogFormat, Verbose];
}
