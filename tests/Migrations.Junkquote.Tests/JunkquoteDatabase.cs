using Microsoft.Extensions.Logging;
using Migrations.Engine.Running;
using Migrations.Junkquote.Migrations;
using Migrations.Testing;

namespace Migrations.Junkquote.Tests;

/// <summary>
/// The runner over junkquote's migrations and profiles (the whole assembly, as the real runner
/// loads it: migrations in Migrations/, profiles in Seeding/), and SQL helpers the suites share.
/// </summary>
public static class JunkquoteDatabase
{
    public static Migrator Runner(TestDatabase db) =>
        Harness.Runner(db, typeof(Baseline).Assembly);

    /// <summary>A runner with options (environment, tags, profile, seed scale) and, optionally, a logger that keeps the run's log lines.</summary>
    public static Migrator Runner(TestDatabase db, Func<MigratorOptions, MigratorOptions> configure, ILogger? logger = null)
    {
        var options = new MigratorOptions
        {
            Provider = db.DatabaseProvider,
            ConnectionString = db.ConnectionString,
            Assemblies = [typeof(Baseline).Assembly],
            DatabaseName = "junkquote",
            LockTimeout = TimeSpan.FromSeconds(30),
        };
        return new Migrator(configure(options), logger);
    }

    /// <summary>
    /// A runner for one seeding profile (Development or Staging). It allows data loss: the tests that
    /// use it roll back over the rows they seeded, which the engine otherwise refuses (--allow-data-loss).
    /// </summary>
    public static Migrator Profile(TestDatabase db, string profile, int seedScale = 1000, ILogger? logger = null) =>
        Runner(db, o => o with { Profile = profile, Environment = profile, Tags = [profile], SeedScale = seedScale, AllowDataLoss = true }, logger);

    /// <summary>A runner for tests that roll back over rows they wrote themselves (--allow-data-loss).</summary>
    public static Migrator RollingBack(TestDatabase db) => Runner(db, o => o with { AllowDataLoss = true });

    /// <summary>A fresh UUID as a SQL literal, the same on both providers.</summary>
    public static string NewId(out Guid id)
    {
        id = Guid.NewGuid();
        return $"'{id}'";
    }

    /// <summary>The index names on one table, without primary-key and SQLite automatic indexes.</summary>
    public static IReadOnlyList<string> Indexes(TestDatabase db, string table) =>
        (db.Provider == Provider.Postgres
            ? db.Query($"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = '{table}' AND indexname NOT LIKE '%_pkey'")
            : db.Query($"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND name NOT LIKE 'sqlite_autoindex%'"))
        .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The delete rule of a named foreign key, as the database reports it (CASCADE, SET NULL, RESTRICT).</summary>
    public static string DeleteRule(TestDatabase db, string table, string column)
    {
        if (db.Provider == Provider.Postgres)
        {
            return (string)db.Scalar($"""
                SELECT rc.delete_rule FROM information_schema.referential_constraints rc
                JOIN information_schema.key_column_usage k ON k.constraint_name = rc.constraint_name AND k.constraint_schema = rc.constraint_schema
                WHERE k.table_schema = 'public' AND k.table_name = '{table}' AND k.column_name = '{column}'
                """)!;
        }

        return (string)db.Scalar($"SELECT on_delete FROM pragma_foreign_key_list('{table}') WHERE \"from\" = '{column}'")!;
    }

    public static bool IsNullable(TestDatabase db, string table, string column) => db.Provider == Provider.Postgres
        ? (string)db.Scalar($"SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' AND column_name = '{column}'")! == "YES"
        : Convert.ToInt64(db.Scalar($"SELECT \"notnull\" FROM pragma_table_info('{table}') WHERE name = '{column}'"), System.Globalization.CultureInfo.InvariantCulture) == 0;
}
