using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Migrations.Engine.Hosting;
using Migrations.Engine.Journal;
using Migrations.Engine.Running;
using Migrations.Engine.Sqlite;
using Migrations.Testing;

namespace Migrations.Engine.Tests.Sqlite;

/// <summary>
/// FluentMigrator itself over a real SQLite file, configured as an application would
/// (<c>AddFluentMigratorCore().ConfigureRunner(rb => rb.AddSQLite()...).AddMigrationsEngine()</c>),
/// running the migrations of one namespace. Each call is one FluentMigrator scope (one connection);
/// <see cref="Log"/> keeps the statements of the last one, also when it failed.
/// </summary>
internal sealed class FluentSqlite(TestDatabase database, string migrationsNamespace)
{
    /// <summary>Appended to the connection string (for example <c>;Default Timeout=1</c>).</summary>
    public string ConnectionSuffix { get; init; } = "";

    /// <summary>Whether the statement log keeps every statement (as for a script) or only the last.</summary>
    public bool KeepStatements { get; init; } = true;

    /// <summary>FluentMigrator's preview: statements are recorded and logged, not sent.</summary>
    public bool Preview { get; init; }

    public StatementLog Log { get; private set; } = new();

    public string ConnectionString => new SqliteProvider().Normalize(database.ConnectionString + ConnectionSuffix);

    public void MigrateUp(long? target = null) => Run(runner =>
    {
        if (target is { } version)
        {
            runner.MigrateUp(version);
        }
        else
        {
            runner.MigrateUp();
        }
    });

    public void MigrateDown(long target) => Run(runner => runner.MigrateDown(target));

    /// <summary>Runs <paramref name="action"/> with FluentMigrator's runner in a fresh scope.</summary>
    public void Run(Action<IMigrationRunner> action) => Run((runner, _) => action(runner));

    public void Run(Action<IMigrationRunner, IServiceProvider> action)
    {
        var connectionString = ConnectionString;
        EnsureJournal(connectionString);
        using var services = new ServiceCollection()
            .AddLogging()
            .AddFluentMigratorCore()
            .ConfigureRunner(rb => rb.AddSQLite().WithGlobalConnectionString(connectionString).AsGlobalPreview(Preview).ScanIn(typeof(FluentSqlite).Assembly).For.Migrations())
            .AddMigrationsEngine()
            .Configure<TypeFilterOptions>(o => o.Namespace = migrationsNamespace)
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        Log = scope.ServiceProvider.GetRequiredService<StatementLog>();
        Log.Keep = KeepStatements;
        action(scope.ServiceProvider.GetRequiredService<IMigrationRunner>(), scope.ServiceProvider);
    }

    /// <summary>The statements recorded since the first one containing <paramref name="marker"/>.</summary>
    public IReadOnlyList<string> StatementsFrom(string marker) =>
        Log.Statements.SkipWhile(s => !s.Contains(marker, StringComparison.Ordinal)).ToArray();

    // The journal with our columns, as the runner creates it before FluentMigrator's runner is built.
    private static void EnsureJournal(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        new JournalStore(connection, null).EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
