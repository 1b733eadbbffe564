using System.Security.Cryptography;
using Migrations.Testing;
using Npgsql;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// What <c>prisma migrate deploy</c> leaves in a database: each <c>migration.sql</c> of a Prisma
/// migrations folder run in name order, and one <c>_prisma_migrations</c> row per folder with the
/// SHA-256 of its file as checksum (the table as Prisma creates it). Prisma itself does not run
/// here; this is its journal, written the way it writes it.
/// </summary>
public static class PrismaMigrate
{
    private const string JournalTable = """
        CREATE TABLE "_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        )
        """;

    /// <summary>The folder of a database's Prisma migrations, copied beside the test assembly.</summary>
    public static string Folder(string database) => Path.Combine(AppContext.BaseDirectory, "Adoption", "Prisma", database);

    /// <summary>Runs every migration of <paramref name="folder"/> and journals it, as deploy does.</summary>
    public static void Deploy(TestDatabase database, string folder)
    {
        CreateJournal(database);
        var applied = new DateTimeOffset(2025, 10, 20, 14, 30, 15, TimeSpan.Zero);
        foreach (var migration in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var sql = File.ReadAllText(Path.Combine(migration, "migration.sql"));
            database.Execute(sql);
            Record(database, Path.GetFileName(migration), Checksum(sql), applied, applied.AddMilliseconds(412), rolledBack: null);
            applied = applied.AddDays(21);
        }
    }

    public static void CreateJournal(TestDatabase database)
    {
        if (database.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '_prisma_migrations'") == 0)
        {
            database.Execute(JournalTable);
        }
    }

    /// <summary>One journal row; <paramref name="finished"/> null is a failed attempt, <paramref name="rolledBack"/> one that <c>migrate resolve --rolled-back</c> marked.</summary>
    public static void Record(TestDatabase database, string name, string checksum, DateTimeOffset started, DateTimeOffset? finished, DateTimeOffset? rolledBack, string? logs = null)
    {
        using var connection = (NpgsqlConnection)database.Open();
        using var command = new NpgsqlCommand("""
            INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
            VALUES (@id, @checksum, @finished, @name, @logs, @rolledBack, @started, @steps)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("checksum", checksum);
        command.Parameters.AddWithValue("finished", (object?)finished ?? DBNull.Value);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("logs", (object?)logs ?? DBNull.Value);
        command.Parameters.AddWithValue("rolledBack", (object?)rolledBack ?? DBNull.Value);
        command.Parameters.AddWithValue("started", started);
        command.Parameters.AddWithValue("steps", finished is null ? 0 : 1);
        command.ExecuteNonQuery();
    }

    public static string Checksum(string sql) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sql)));

    /// <summary>Every row and every column of the journal as PostgreSQL writes it, in id order: what "unchanged" is compared on.</summary>
    public static IReadOnlyList<string> Rows(TestDatabase database) =>
        database.Query("SELECT CAST(t AS TEXT) FROM \"_prisma_migrations\" t ORDER BY id").Select(r => (string)r[0]!).ToArray();
}
