using System.Reflection;
using Migrations.Engine.Running;
using NUnit.Framework;

namespace Migrations.Testing;

/// <summary>Builds runners over a test database for the migrations of one namespace, as a pipeline would configure them.</summary>
public static class Harness
{
    public static Migrator Runner(TestDatabase database, Assembly assembly, string? migrationsNamespace = null,
        Func<MigratorOptions, MigratorOptions>? configure = null, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        var options = new MigratorOptions
        {
            Provider = database.DatabaseProvider,
            ConnectionString = database.ConnectionString,
            Assemblies = [assembly],
            Namespace = migrationsNamespace,
            DatabaseName = "test",
            LockTimeout = TimeSpan.FromSeconds(30),
        };
        return new Migrator(configure is null ? options : configure(options), logger);
    }

    /// <summary>The versions in the journal, oldest first.</summary>
    public static IReadOnlyList<long> JournalVersions(TestDatabase database)
    {
        var exists = database.Provider == Provider.Postgres
            ? database.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations' AND table_name = 'VersionInfo'")
            : database.Count("SELECT count(*) FROM sqlite_master WHERE name = 'VersionInfo'");
        return exists == 0
            ? []
            : database.Query($"SELECT \"Version\" FROM {database.Journal} ORDER BY \"Version\"").Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// The reversibility check every database issue asks for: for each version, migrate to it,
    /// snapshot, migrate one more, roll back one, and the snapshot must be exactly the same.
    /// Returns the versions checked.
    /// </summary>
    public static async Task<IReadOnlyList<long>> AssertEveryStepReversibleAsync(TestDatabase database, Migrator runner)
    {
        // This checks schemas, not the data-loss guard: seed rows a migration inserts may be dropped on the way back.
        runner = new Migrator(runner.Options with { AllowDataLoss = true });
        var versions = runner.Catalog.Versioned.Where(runner.IsSelected).Select(m => m.Version).ToArray();
        var before = SchemaSnapshot.Take(database);
        foreach (var version in versions)
        {
            await runner.MigrateUpAsync(version);
            var after = SchemaSnapshot.Take(database);
            await runner.RollbackAsync(1);
            var rolledBack = SchemaSnapshot.Take(database);
            Assert.That(rolledBack, Is.EqualTo(before), $"rolling back {version} did not restore the schema of the version before it");
            await runner.MigrateUpAsync(version);
            Assert.That(SchemaSnapshot.Take(database), Is.EqualTo(after), $"re-applying {version} gave a different schema");
            before = after;
        }

        return versions;
    }
}
