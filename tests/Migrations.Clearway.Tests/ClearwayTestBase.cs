using System.Globalization;
using Migrations.Clearway;
using Migrations.Engine.Authoring;
using Migrations.Engine.Running;
using Migrations.Testing;

namespace Migrations.Clearway.Tests;

/// <summary>A fresh clearway database per test on the fixture's provider, and a runner over its migrations.</summary>
public abstract class ClearwayTestBase(Provider provider)
{
    protected Provider Provider { get; } = provider;

    protected TestDatabase Db { get; private set; } = null!;

    [SetUp]
    public void CreateDatabase()
    {
        Db = TestDatabase.Create(Provider, "clearway");
        Log = new CapturingLogger();
    }

    [TearDown]
    public void DropDatabase() => Db.Dispose();

    protected Migrator Runner() => Harness.Runner(Db, typeof(Phase1CoreSchema).Assembly, typeof(Phase1CoreSchema).Namespace);

    /// <summary>What the runners made by <see cref="Runner(Func{MigratorOptions, MigratorOptions})"/> logged.</summary>
    protected CapturingLogger Log { get; private set; } = new();

    /// <summary>A runner configured as a pipeline would (tags, environment, profile, scale), logging into <see cref="Log"/>.</summary>
    protected Migrator Runner(Func<MigratorOptions, MigratorOptions> configure)
    {
        var options = new MigratorOptions
        {
            Provider = Db.DatabaseProvider,
            ConnectionString = Db.ConnectionString,
            Assemblies = [typeof(Phase1CoreSchema).Assembly],
            Namespace = typeof(Phase1CoreSchema).Namespace,
            DatabaseName = "clearway",
            LockTimeout = TimeSpan.FromSeconds(30),
        };
        return new Migrator(configure(options), Log);
    }

    /// <summary>Runs as the environment <paramref name="environment"/> (its name is its tag), with an optional seeding profile.</summary>
    protected Migrator In(string? environment, string? profile = null, int seedScale = RunSettings.DefaultSeedScale) =>
        Runner(o => o with
        {
            Environment = environment,
            Tags = environment is null ? [] : [environment],
            Profile = profile,
            SeedScale = seedScale,
        });

    protected Task<RunResult> MigrateAsync(long? target = null) => Runner().MigrateUpAsync(target);

    protected bool IsPostgres => Provider == Provider.Postgres;

    protected static string Q(string identifier) => TestDatabase.Q(identifier);

    protected static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    protected static decimal Money(object? value) => Math.Round(Convert.ToDecimal(value, CultureInfo.InvariantCulture), 2);

    /// <summary>Tables, views (plain or materialized) and indexes of the application schema, by name.</summary>
    protected IReadOnlyList<string> Relations(string kind) => (kind, Provider) switch
    {
        ("table", Provider.Postgres) => SchemaSnapshot.Tables(Db),
        ("table", _) => SchemaSnapshot.Tables(Db),
        ("matview", Provider.Postgres) => Names("SELECT matviewname FROM pg_matviews WHERE schemaname = 'public'"),
        ("view", Provider.Postgres) => Names("SELECT table_name FROM information_schema.views WHERE table_schema = 'public'"),
        ("view", _) => Names("SELECT name FROM sqlite_master WHERE type = 'view'"),
        ("index", Provider.Postgres) => Names("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"),
        ("index", _) => Names("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'"),
        _ => [],
    };

    private IReadOnlyList<string> Names(string sql) => Db.Query(sql).Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The columns of an index, in order, each with " DESC" when descending.</summary>
    protected IReadOnlyList<string> IndexColumns(string index) => IsPostgres
        ? Db.Query($"""
            SELECT a.attname, (i.indoption[k.n - 1] & 1) = 1
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE c.relname = '{index}' ORDER BY k.n
            """).Select(r => (string)r[0]! + ((bool)r[1]! ? " DESC" : "")).ToArray()
        : Db.Query($"SELECT name, \"desc\" FROM pragma_index_xinfo('{index}') WHERE key = 1 ORDER BY seqno")
            .Select(r => (string)r[0]! + (Long(r[1]) == 1 ? " DESC" : "")).ToArray();

    /// <summary>The table an index is on.</summary>
    protected string? IndexTable(string index) => (string?)(IsPostgres
        ? Db.Scalar($"SELECT tablename FROM pg_indexes WHERE schemaname = 'public' AND indexname = '{index}'")
        : Db.Scalar($"SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = '{index}'"));
}
