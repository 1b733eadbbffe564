using System.Data.Common;
using Npgsql;

namespace Migrations.Engine.Schema;

/// <summary>One entry of another tool's journal: the tool, where it keeps its journal, and the entry's name.</summary>
public sealed record PreviousJournalEntry(string Tool, string Table, string Entry);

/// <summary>
/// The journals other tools leave in a database (see the reference on live databases), read and
/// never written: Prisma's <c>_prisma_migrations</c> (finished, not rolled back), the Supabase CLI's
/// <c>supabase_migrations.schema_migrations</c>, wrangler's <c>d1_migrations</c> and Flyway's
/// <c>flyway_schema_history</c> (successful rows).
/// </summary>
public static class PreviousJournal
{
    private sealed record Source(string Tool, string? Schema, string Table, string Entries);

    private static readonly Source[] Sources =
    [
        new("Prisma", "public", "_prisma_migrations", "SELECT migration_name FROM {0} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name"),
        new("Supabase CLI", "supabase_migrations", "schema_migrations", "SELECT version FROM {0} ORDER BY version"),
        new("wrangler", "public", "d1_migrations", "SELECT name FROM {0} ORDER BY id"),
        new("Flyway", "public", "flyway_schema_history", "SELECT coalesce(version, script) FROM {0} WHERE success ORDER BY installed_rank"),
    ];

    public static async Task<IReadOnlyList<PreviousJournalEntry>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var postgres = connection is NpgsqlConnection;
        var entries = new List<PreviousJournalEntry>();
        foreach (var source in Sources)
        {
            // SQLite has one namespace; only the Supabase CLI's journal lives in a schema of its own.
            if (!postgres && source.Schema != "public")
            {
                continue;
            }

            var table = postgres ? $"{Authoring.Sql.Quote(source.Schema!)}.{Authoring.Sql.Quote(source.Table)}" : Authoring.Sql.Quote(source.Table);
            if (!await ExistsAsync(connection, postgres, source, cancellationToken))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, source.Entries, table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    entries.Add(new PreviousJournalEntry(source.Tool, postgres ? $"{source.Schema}.{source.Table}" : source.Table,
                        Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!));
                }
            }
        }

        return entries;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, bool postgres, Source source, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table";
        Journal.JournalStore.AddParameter(command, "@table", source.Table);
        if (postgres)
        {
            Journal.JournalStore.AddParameter(command, "@schema", source.Schema!);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
