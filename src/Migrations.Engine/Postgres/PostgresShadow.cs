using Migrations.Engine.Authoring;
using Migrations.Engine.Schema;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// A PostgreSQL shadow: a scratch database created beside the live one and dropped afterwards
/// (the login needs CREATEDB), or a database the user names with <c>--shadow-connection</c>, which
/// must be empty and is emptied again afterwards. Nothing is ever created in the live database.
/// </summary>
public static class PostgresShadow
{
    public static async Task<ShadowDatabase> CreateAsync(string liveConnectionString, string? shadowConnectionString, Func<string, string> mask, CancellationToken cancellationToken)
    {
        return shadowConnectionString is null
            ? await CreateScratchAsync(liveConnectionString, "shadow", pristine: false, cancellationToken)
            : await UseGivenAsync(shadowConnectionString, mask, cancellationToken);
    }

    /// <summary>
    /// An empty database <c>&lt;live&gt;_&lt;purpose&gt;_&lt;hex&gt;</c> on the live one's server, dropped when disposed;
    /// the login needs CREATEDB. <paramref name="pristine"/>: made from template0, as a database a dump is restored into must be.
    /// </summary>
    internal static async Task<ShadowDatabase> CreateScratchAsync(string liveConnectionString, string purpose, bool pristine, CancellationToken cancellationToken)
    {
        var live = new NpgsqlConnectionStringBuilder(liveConnectionString);
        var name = $"{Truncate(live.Database ?? purpose, 40)}_{purpose}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = await OpenAsync(live.ConnectionString, cancellationToken))
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Sql.Quote(name)}{(pristine ? " TEMPLATE template0" : "")}", cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new ConnectionFailedException(
                    $"cannot create a scratch database to {(purpose == "shadow" ? "compare with" : "script on")} ({ex.MessageText}): grant CREATEDB to this login{(purpose == "shadow" ? ", or name an empty database with --shadow-connection" : "")}", ex);
            }
        }

        var shadow = new NpgsqlConnectionStringBuilder(live.ConnectionString) { Database = name, Pooling = false };
        return new ShadowDatabase(shadow.ConnectionString, $"scratch database {name}", async () =>
        {
            await using var connection = await OpenAsync(live.ConnectionString, CancellationToken.None);
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {Sql.Quote(name)} WITH (FORCE)", CancellationToken.None);
        });
    }

    private static async Task<ShadowDatabase> UseGivenAsync(string shadowConnectionString, Func<string, string> mask, CancellationToken cancellationToken)
    {
        var shadow = new NpgsqlConnectionStringBuilder(shadowConnectionString) { Pooling = false };
        var schemas = await UserSchemasAsync(shadow.ConnectionString, cancellationToken);
        var tables = await CountAsync(shadow.ConnectionString, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S', 'p')", cancellationToken);
        if (schemas.Count > 0 || tables > 0)
        {
            // A typo in --shadow-connection must never empty a real database.
            throw new ArgumentException($"--shadow-connection: {mask(shadowConnectionString)} is not empty ({tables} relation(s) in public, schemas {string.Join(", ", schemas.DefaultIfEmpty("none"))}); name an empty database");
        }

        return new ShadowDatabase(shadow.ConnectionString, $"shadow database {shadow.Database}", async () =>
        {
            await using var connection = await OpenAsync(shadow.ConnectionString, CancellationToken.None);
            foreach (var schema in await UserSchemasAsync(shadow.ConnectionString, CancellationToken.None))
            {
                await ExecuteAsync(connection, $"DROP SCHEMA {Sql.Quote(schema)} CASCADE", CancellationToken.None);
            }

            await ExecuteAsync(connection, "DROP SCHEMA public CASCADE; CREATE SCHEMA public", CancellationToken.None);
        });
    }

    // Schemas other than public that a migration may have made (the platform's and the server's are not ours).
    private static async Task<IReadOnlyList<string>> UserSchemasAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT nspname FROM pg_namespace WHERE nspname <> 'public' AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname", connection);
        var schemas = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schemas.Add(reader.GetString(0));
        }

        return schemas;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(connectionString, cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
