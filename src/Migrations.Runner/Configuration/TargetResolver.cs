using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Migrations.Engine.Postgres;
using Migrations.Engine.Providers;
using Migrations.Engine.Sqlite;
using Migrations.Runner.Cli;

namespace Migrations.Runner.Configuration;

/// <summary>
/// Decides which databases a command acts on and how to reach each: <c>--connection</c>, then
/// <c>ConnectionStrings:&lt;database&gt;</c>, then, in Development only, the embedded default (a
/// SQLite file under the data directory). Anywhere else a database without a connection string
/// is a configuration error, unless <c>Migrations:Databases:&lt;database&gt;:Skip</c> leaves it out
/// of <c>--database all</c>. The provider comes from <c>--provider</c>, then configuration, then
/// the shape of the connection string.
/// </summary>
public sealed class TargetResolver(IConfiguration configuration, RunnerSettings settings, SecretMasker masker)
{
    /// <summary>The one environment whose databases may be local SQLite files without any configuration: a laptop's.</summary>
    public const string EmbeddedEnvironment = "Development";

    public IReadOnlyList<DatabaseTarget> Resolve(RunRequest request, string environment)
    {
        if (request.AssemblyPath is { } path)
        {
            var assembly = LoadAssembly(path);
            var name = request.Database is null or "all" ? assembly.GetName().Name! : request.Database;
            RequireConnections([name], request, environment, single: true);
            return [Target(name, assembly, request)];
        }

        var database = request.Database ?? "all";
        if (database.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (request.Connection is not null)
            {
                throw new UsageException($"--connection names one database: add --database ({string.Join(", ", KnownDatabases.Names)})");
            }

            var names = KnownDatabases.Names.Except(SkippedDatabases(request)).ToArray();
            RequireConnections(names, request, environment, single: false);
            return names.Select(n => Target(n, KnownDatabases.Load(n), request)).ToArray();
        }

        if (!KnownDatabases.IsKnown(database))
        {
            throw new UsageException($"unknown database '{database}': use one of {string.Join(", ", KnownDatabases.Names)}, or all");
        }

        RequireConnections([database.ToLowerInvariant()], request, environment, single: true);
        return [Target(database.ToLowerInvariant(), KnownDatabases.Load(database), request)];
    }

    /// <summary>
    /// The databases configuration leaves out of <c>--database all</c> (<c>Migrations:Databases:&lt;name&gt;:Skip</c>).
    /// A database named with <c>--database</c> is run all the same: the command line wins.
    /// </summary>
    public IReadOnlyList<string> SkippedDatabases(RunRequest request) =>
        request.AssemblyPath is null && (request.Database ?? "all").Equals("all", StringComparison.OrdinalIgnoreCase)
            ? KnownDatabases.Names.Where(n => settings.Databases.TryGetValue(n, out var db) && db.Skip).ToArray()
            : [];

    /// <summary>True when no database has a configured connection: the laptop default, where Development is assumed.</summary>
    public bool UsesEmbeddedDefault(RunRequest request) =>
        request.Connection is null && !configuration.GetSection("ConnectionStrings").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));

    private string? ConnectionOf(string name, RunRequest request) =>
        request.Connection ?? (configuration.GetConnectionString(name) is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured : null);

    private string? ProviderOf(string name, RunRequest request, string? connection) =>
        request.Provider ?? (settings.Databases.TryGetValue(name, out var db) ? db.Provider : null) ?? Infer(connection);

    // Only Development falls back to SQLite files: elsewhere a missing connection string is a deployment gone wrong, not a laptop.
    private bool MayUseEmbeddedFile(string name, RunRequest request, string environment) =>
        environment.Equals(EmbeddedEnvironment, StringComparison.OrdinalIgnoreCase)
        && ProviderOf(name, request, null)?.ToLowerInvariant() is null or "sqlite";

    /// <summary>
    /// Every database of the run needs a connection string, checked for all before any runs, so nothing
    /// changes; <paramref name="single"/> is a database the command line named, which Skip does not apply to.
    /// </summary>
    private void RequireConnections(IReadOnlyList<string> names, RunRequest request, string environment, bool single)
    {
        var missing = names.Where(n => ConnectionOf(n, request) is null && !MayUseEmbeddedFile(n, request, environment)).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var embedded = environment.Equals(EmbeddedEnvironment, StringComparison.OrdinalIgnoreCase)
            ? $"the embedded default (a SQLite file under {settings.DataDirectory}/) is for SQLite only"
            : $"only {EmbeddedEnvironment} falls back to SQLite files under {settings.DataDirectory}/";

        if (single)
        {
            throw new UsageException($"{missing[0]}: no connection string in {environment}: pass --connection or set ConnectionStrings__{missing[0]}; {embedded}");
        }

        throw new UsageException(missing.Length == 1
            ? $"{missing[0]}: no connection string in {environment}: set ConnectionStrings__{missing[0]} (or pass --connection with --database {missing[0]}), " +
              $"or leave it out of --database all with Migrations__Databases__{missing[0]}__Skip=true; {embedded}"
            : $"no connection string in {environment} for {string.Join(", ", missing)}: set ConnectionStrings__<database> for each (or pass --connection with --database <database>), " +
              $"or leave a database out of --database all with Migrations__Databases__<database>__Skip=true; {embedded}");
    }

    private DatabaseTarget Target(string name, Assembly assembly, RunRequest request)
    {
        var connection = ConnectionOf(name, request);
        RefuseUrl(name, connection);
        var provider = ProviderOf(name, request, connection);
        IDatabaseProvider dialect = provider?.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => new PostgresProvider(),
            "sqlite" or null => new SqliteProvider(),
            "d1" => new Migrations.Engine.D1.D1Provider(),
            _ => throw new UsageException($"{name}: unknown provider '{provider}' (Migrations:Databases:{name}:Provider): use postgres, sqlite or d1"),
        };
        connection ??= $"Data Source={Path.Combine(settings.DataDirectory, name + ".db")}";
        try
        {
            dialect.Normalize(connection);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{name}: {ex.Message}");
        }

        RegisterSecrets(dialect, connection);
        return new DatabaseTarget(name, dialect, connection, assembly);
    }

    /// <summary>Every secret of <paramref name="connection"/> is masked from then on, in every line the run prints.</summary>
    public void RegisterSecrets(IDatabaseProvider dialect, string connection)
    {
        if (dialect is PostgresProvider)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            masker.Add(builder.Password);
            masker.Add(builder.SslPassword);
        }
        else if (dialect is Migrations.Engine.D1.D1Provider)
        {
            // The string holds no secret; wrangler's token lives in its environment variables.
            foreach (var variable in Migrations.Engine.D1.D1Wrangler.SecretVariables)
            {
                masker.Add(Environment.GetEnvironmentVariable(variable));
            }
        }
        else if (connection.Contains('=', StringComparison.Ordinal))
        {
            masker.Add(new SqliteConnectionStringBuilder(connection).Password);
        }

        // The whole string too, where it holds a secret: error text may quote it in pieces the builder does not parse.
        if (dialect.Mask(connection) != connection)
        {
            masker.Add(connection);
        }
    }

    // Prisma's DATABASE_URL (postgresql://user:password@host/db) is not a key=value string; read as a SQLite path it became
    // a local file named after the URL, password included, and baseline found "none of the migrations' objects" there.
    private static void RefuseUrl(string name, string? connection)
    {
        if (connection is not null && (connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new UsageException($"{name}: the connection is a postgresql:// URL (as Prisma's DATABASE_URL); the runner takes Npgsql's form: Host=...;Port=...;Database=...;Username=...;Password=...");
        }
    }

    private static string? Infer(string? connection) =>
        connection is null ? null
        : connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? "postgres"
            : "sqlite";

    private static Assembly LoadAssembly(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"--assembly: '{path}' is not a usable path ({ex.Message})");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"--assembly: no file at {full}");
        }

        try
        {
            return Assembly.LoadFrom(full);
        }
        catch (BadImageFormatException)
        {
            throw new UsageException($"--assembly: {full} is not a .NET assembly");
        }
        catch (FileLoadException ex)
        {
            throw new UsageException($"--assembly: cannot load {full}: {ex.Message}");
        }
    }
}
