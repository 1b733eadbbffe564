using System.Text;
using Migrations.Engine.Providers;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// Where a PostgreSQL <c>script</c> runs: a scratch database on the same server holding the live
/// one's schema (<c>pg_dump --schema-only</c>) and its journal rows, on which the run executes for
/// real and is recorded, then dropped. So every statement is the one a migrate would send, in the
/// order it would send it, each built against the schema the earlier ones left (a migration that
/// asks whether a table exists sees the earlier steps' tables), and a failing statement fails the
/// script. Only the live rows stay behind: a statement's effect on them is not known here.
/// Without CREATEDB or a suitable pg_dump the script falls back to FluentMigrator's preview, which
/// executes nothing and says so in the script's first lines.
/// </summary>
internal static class PostgresScriptCopy
{
    public static async Task<ScriptTarget> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        string? pgDump;
        string? problem;
        IReadOnlyList<string> journals;
        await using (var live = (NpgsqlConnection)await new PostgresProvider().OpenAsync(connectionString, cancellationToken))
        {
            (pgDump, problem) = await PgDump.LocateAsync(live, cancellationToken);
            journals = await JournalTablesAsync(live, cancellationToken);
        }

        if (pgDump is null)
        {
            return Preview(connectionString, problem!);
        }

        Schema.ShadowDatabase scratch;
        IReadOnlySet<string> server;
        try
        {
            scratch = await PostgresShadow.CreateScratchAsync(connectionString, "script", pristine: true, cancellationToken);
        }
        catch (ConnectionFailedException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
        {
            return Preview(connectionString, ex.Message);
        }

        try
        {
            var schema = await PgDump.RunAsync(PgDump.StartInfo(pgDump, connectionString,
                ["--schema-only", "--no-owner", "--no-privileges", "--no-publications", "--no-subscriptions", "--no-security-labels"]), cancellationToken);
            // pg_dump refuses a --table that matches nothing: only the journals that are there.
            var journal = journals.Count == 0 ? "" : await PgDump.RunAsync(PgDump.StartInfo(pgDump, connectionString,
                ["--data-only", "--inserts", .. journals.Select(j => $"--table={j}")]), cancellationToken);
            await using var copy = new NpgsqlConnection(scratch.ConnectionString);
            await copy.OpenAsync(cancellationToken);
            foreach (var dump in new[] { schema, journal })
            {
                await using var command = new NpgsqlCommand(WithoutClientCommands(dump), copy) { CommandTimeout = 0 };
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            server = await PostgresServerObjects.ReadAsync(scratch.ConnectionString, cancellationToken);
        }
        catch (Exception ex) when (ex is PgDumpFailedException or PostgresException)
        {
            await scratch.DisposeAsync();
            throw new ConnectionFailedException($"cannot copy the schema of {PostgresProvider.Describe(connectionString)} to script on: {ex.Message}", ex);
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }

        return new ScriptTarget(scratch.ConnectionString, PreviewOnly: false, scratch)
        {
            Preamble = Preamble,
            ServerChanges = async token =>
            {
                var changes = PostgresServerObjects.Changes(server, await PostgresServerObjects.ReadAsync(scratch.ConnectionString, token));
                return changes.Count == 0 ? [] :
                [
                    $"SERVER-WIDE: making this script on a copy on {PostgresProvider.Describe(connectionString)} changed what belongs to that whole server, " +
                    "as migrate will (roles and tablespaces are not per database, and are not undone when the copy is dropped):",
                    .. changes.Select(c => "  " + c),
                ];
            },
        };
    }

    // What the statements below assume of the session that replays them, stated rather than left to psql's defaults.
    private static readonly IReadOnlyList<string> Preamble = ["SET client_encoding = 'UTF8'", "SET standard_conforming_strings = on"];

    // The journal tables a run may use (ours in migrations, FluentMigrator's own in public), as pg_dump patterns.
    private static async Task<IReadOnlyList<string>> JournalTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'VersionInfo' AND table_schema IN ('migrations', 'public') ORDER BY 1", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add($"{reader.GetString(0)}.\"VersionInfo\"");
        }

        return tables;
    }

    private static ScriptTarget Preview(string connectionString, string reason) =>
        new(connectionString, PreviewOnly: true, Keepalive: null)
        {
            Preamble = Preamble,
            Caveat = $"PREVIEW: {reason}. These statements were not executed anywhere: statements a migration builds from what it reads " +
                     "are built against the database as it is now, not as the earlier steps would leave it",
        };

    // pg_dump's plain output is for psql: the meta-commands it writes on lines of their own (\connect, \restrict KEY) are not SQL.
    private static string WithoutClientCommands(string dump)
    {
        var sql = new StringBuilder();
        foreach (var line in dump.Split('\n'))
        {
            if (!(line.StartsWith("\\restrict ", StringComparison.Ordinal) || line.StartsWith("\\unrestrict ", StringComparison.Ordinal) || line.StartsWith("\\connect ", StringComparison.Ordinal)))
            {
                sql.Append(line).Append('\n');
            }
        }

        return sql.ToString();
    }
}
