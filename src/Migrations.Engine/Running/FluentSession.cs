using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using FluentMigrator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migrations.Engine.Authoring;
using Migrations.Engine.Hosting;
using Migrations.Engine.Journal;

namespace Migrations.Engine.Running;

/// <summary>
/// FluentMigrator's runner for one run against one database, configured in the generic host's way
/// (<c>AddFluentMigratorCore().ConfigureRunner(...)</c> plus <c>AddMigrationsEngine()</c>), and
/// the scoped services our executor talks to. Built only when there is something to do.
/// </summary>
internal sealed class FluentSession : IDisposable
{
    private readonly ServiceProvider _root;
    private readonly IServiceScope _scope;

    private FluentSession(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateScope();
        Services = _scope.ServiceProvider;
        Runner = (MigrationRunner)Services.GetRequiredService<IMigrationRunner>();
    }

    public IServiceProvider Services { get; }

    public MigrationRunner Runner { get; }

    public IMigrationProcessor Processor => Runner.Processor;

    public StatementLog Statements => Services.GetRequiredService<StatementLog>();

    public RunningStatement Running => Services.GetRequiredService<RunningStatement>();

    public JournalRowContext Row => Services.GetRequiredService<JournalRowContext>();

    public static FluentSession Open(MigratorOptions options, string connectionString, string? journalSchema, bool preview, ILogger logger)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new ForwardingLoggerProvider(logger)));
        services.AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                options.Provider.AddProcessor(runner);
                runner.WithGlobalConnectionString(connectionString)
                    .WithGlobalCommandTimeout(options.CommandTimeout ?? TimeSpan.Zero)
                    .AsGlobalPreview(preview)
                    .ScanIn(options.Assemblies.ToArray()).For.All();
            });
        services.AddSingleton(new BulkProgress(logger, options.DatabaseName, options.ProgressAfter, options.ProgressEvery));
        services.AddMigrationsEngine();
        options.Provider.AddServices(services, connectionString);
        services.Configure<RunnerOptions>(runner =>
        {
            runner.Tags = options.Tags.ToArray();
            runner.IncludeUntaggedMigrations = options.IncludeUntaggedMigrations;
            runner.IncludeUntaggedMaintenances = options.IncludeUntaggedMaintenances;
            runner.Profile = options.Profile;
            runner.AllowBreakingChange = options.AllowBreakingChange;
        });
        services.Configure<TypeFilterOptions>(filter =>
        {
            filter.Namespace = options.Namespace;
            filter.NestedNamespaces = options.NestedNamespaces;
        });
        if (journalSchema is not null)
        {
            services.Configure<JournalOptions>(journal => journal.PostgresSchema = journalSchema);
        }

        services.AddSingleton(new RunSettings(options.Environment, options.Tags, options.SeedScale));
        return new FluentSession(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false }));
    }

    public void Dispose()
    {
        _scope.Dispose();
        _root.Dispose();
    }
}
