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
/// <c>ConnectionStrings:&lt;database&gt;</c>, then the embedded default (a SQLite file under the
/// data directory). The provider comes from <c>--provider</c>, then configuration, then the
/// shape of the connection string.
/// </summary>
public sealed class TargetResolver(IConfiguration configuration, RunnerSettings settings, SecretMasker masker)
{
    public IReadOnlyList<DatabaseTarget> Resolve(RunRequest request)
    {
        if (request.AssemblyPath is { } path)
        {
            var assembly = LoadAssembly(path);
            var name = request.Database is null or "all" ? assembly.GetName().Name! : request.Database;
            return [Target(name, assembly, request)];
        }

        var database = request.Database ?? "all";
        if (database.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (request.Connection is not null)
            {
                throw new UsageException($"--connection names one database: add --database ({string.Join(", ", KnownDatabases.Names)})");
            }

            return KnownDatabases.Names.Select(n => Target(n, KnownDatabases.Load(n), request)).ToArray();
        }

        if (!KnownDatabases.IsKnown(database))
        {
            throw new UsageException($"unknown database '{database}': use one of {string.Join(", ", KnownDatabases.Names)}, or all");
        }

        return [Target(database.ToLowerInvariant(), KnownDatabases.Load(database), request)];
    }

    /// <summary>True when no database has a configured connection: the laptop default, where Development is assumed.</summary>
    public bool UsesEmbeddedDefault(RunRequest request) =>
        request.Connection is null && !configuration.GetSection("ConnectionStrings").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));

    private DatabaseTarget Target(string name, Assembly assembly, RunRequest request)
    {
        var connection = request.Connection ?? configuration.GetConnectionString(name);
        var provider = request.Provider ?? (settings.Databases.TryGetValue(name, out var db) ? db.Provider : null) ?? Infer(connection);
        IDatabaseProvider dialect = provider?.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => new PostgresProvider(),
            "sqlite" or null => new SqliteProvider(),
            _ => throw new UsageException($"{name}: unknown provider '{provider}': use postgres or sqlite"),
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

    private void RegisterSecrets(IDatabaseProvider dialect, string connection)
    {
        if (dialect is PostgresProvider)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            masker.Add(builder.Password);
            masker.Add(builder.SslPassword);
        }
        else if (connection.Contains('=', StringComparison.Ordinal))
        {
            masker.Add(new SqliteConnectionStringBuilder(connection).Password);
        }

        masker.Add(connection);
    }

    private static string? Infer(string? connection) =>
        connection is null ? null
        : connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? "postgres"
            : "sqlite";

    private static Assembly LoadAssembly(string path)
    {
        var full = Path.GetFullPath(path);
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
    }
}
