using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;

namespace Migrations.Testing;

/// <summary>
/// FluentMigrator 8.0.1's own runner, configured as its documentation shows and without our engine,
/// for tests that need a database exactly as a team using FluentMigrator alone left it: its
/// three-column <c>VersionInfo</c> (in <c>public</c> on PostgreSQL) and the rows it wrote.
/// </summary>
public static class PlainFluentMigrator
{
    public static void MigrateUp(TestDatabase database, Assembly assembly, string? migrationsNamespace, long version)
    {
        var services = new ServiceCollection().AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (database.Provider == Provider.Postgres)
                {
                    runner.AddPostgres15_0();
                }
                else
                {
                    runner.AddSQLite();
                }

                runner.WithGlobalConnectionString(database.ConnectionString).ScanIn(assembly).For.Migrations();
            })
            .Configure<TypeFilterOptions>(filter => filter.Namespace = migrationsNamespace);
        using var provider = services.BuildServiceProvider(validateScopes: false);
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp(version);
    }
}
