using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using Migrations.Engine.Hosting;
using Migrations.Engine.Journal;
using Migrations.Engine.Running;
using Npgsql;

namespace Migrations.Engine.Tests.Postgres;

/// <summary>
/// FluentMigrator itself, configured as a host would (<c>AddPostgres15_0()</c> plus
/// <c>AddMigrationsEngine()</c>), over the test migrations of one namespace, with the scope's
/// statement log keeping every statement.
/// </summary>
internal sealed class PostgresRun : IDisposable
{
    private const string JournalTable = "\"migrations\".\"VersionInfo\"";
    private readonly ServiceProvider _root;
    private readonly IServiceScope _scope;

    private PostgresRun(ServiceProvider root)
    {
        _root = root;
        _scope = root.CreateScope();
        Log = Services.GetRequiredService<StatementLog>();
        Log.Keep = true;
        Runner = Services.GetRequiredService<IMigrationRunner>();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IMigrationRunner Runner { get; }

    public StatementLog Log { get; }

    /// <summary>The statements recorded so far, without the journal's own.</summary>
    public IReadOnlyList<string> Statements => Log.Statements.Where(s => !s.Contains(JournalTable, StringComparison.Ordinal)).ToArray();

    public static PostgresRun Create(string connectionString, string migrationsNamespace, bool preview = false, TimeSpan? timeout = null)
    {
        // Our journal table is made before FluentMigrator's runner is built, as the runner does.
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            new JournalStore(connection, JournalTableMetaData.PostgresSchema).EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var services = new ServiceCollection().AddLogging();
        services.AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                runner.AddPostgres15_0().WithGlobalConnectionString(connectionString).AsGlobalPreview(preview)
                    .ScanIn(typeof(PostgresRun).Assembly).For.Migrations();
                if (timeout is { } limit)
                {
                    runner.WithGlobalCommandTimeout(limit);
                }
            });
        services.AddMigrationsEngine();
        services.Configure<TypeFilterOptions>(filter => filter.Namespace = migrationsNamespace);
        return new PostgresRun(services.BuildServiceProvider());
    }

    /// <summary>Runs <paramref name="action"/> and returns the statements it recorded.</summary>
    public IReadOnlyList<string> Capture(Action<IMigrationRunner> action)
    {
        var before = Statements.Count;
        action(Runner);
        return Statements.Skip(before).ToArray();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _root.Dispose();
    }
}
