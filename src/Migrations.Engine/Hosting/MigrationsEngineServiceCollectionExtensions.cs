using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Generators.SQLite;
using FluentMigrator.Runner.Processors.Postgres;
using FluentMigrator.Runner.Processors.SQLite;
using FluentMigrator.Runner.VersionTableInfo;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Migrations.Engine.Journal;

namespace Migrations.Engine.Hosting;

/// <summary>
/// The one registration call, made after FluentMigrator's own:
/// <code>
/// services.AddFluentMigratorCore()
///     .ConfigureRunner(rb => rb.AddPostgres15_0().WithGlobalConnectionString(cs).ScanIn(assembly).For.Migrations())
///     .AddMigrationsEngine();
/// </code>
/// It replaces FluentMigrator's PostgreSQL 15 and SQLite generators, processors and SQLite type
/// map with our subclasses, and its version table and loader with our journal. Registrations for
/// the provider that was not configured are never resolved.
/// </summary>
public static class MigrationsEngineServiceCollectionExtensions
{
    public static IServiceCollection AddMigrationsEngine(this IServiceCollection services)
    {
        services.AddScoped<ISQLiteTypeMap, Sqlite.SqliteTypeMap>();
        services.TryAddScoped(_ => new SQLiteQuoter(false));
        services.AddScoped<SQLiteGenerator>(sp => ActivatorUtilities.CreateInstance<Sqlite.SqliteGenerator>(sp));
        services.AddScoped<SQLiteProcessor>(sp => ActivatorUtilities.CreateInstance<Sqlite.SqliteProcessor>(sp));
        services.AddScoped<Sqlite.SqliteRebuildAdvisor>();
        Sqlite.SqliteRebuildAdvisingValidator.Decorate(services);

        services.AddScoped<Postgres15_0Generator>(sp => ActivatorUtilities.CreateInstance<Postgres.PostgresGenerator>(sp));
        services.AddScoped<Postgres15_0Processor>(sp => ActivatorUtilities.CreateInstance<Postgres.PostgresProcessor>(sp));

        services.AddScoped<JournalRowContext>();
        services.AddScoped<Running.StatementLog>();
        services.TryAddSingleton(Running.BulkProgress.Silent);
        services.AddScoped<Running.RunningStatement>();
        services.AddScoped<IVersionTableMetaData>(sp => ActivatorUtilities.CreateInstance<JournalTableMetaData>(sp));
        services.AddScoped<IVersionLoader>(sp => ActivatorUtilities.CreateInstance<JournalVersionLoader>(sp));
        return services;
    }
}
