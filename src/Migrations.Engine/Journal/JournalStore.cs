using System.Data.Common;
using System.Globalization;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Journal;

/// <summary>
/// Our own reads and the creation of the journal, on a plain connection (no FluentMigrator runner
/// is needed to know what is applied). Creates FluentMigrator's <c>VersionInfo</c> with our
/// columns, and upgrades a three-column table FluentMigrator wrote by adding the missing ones.
/// FluentMigrator's version loader then finds the table and only writes rows.
/// </summary>
public sealed class JournalStore(DbConnection connection, string? schema)
{
    private string Table => schema is null ? Sql.Quote(JournalTableMetaData.Table) : $"{Sql.Quote(schema)}.{Sql.Quote(JournalTableMetaData.Table)}";

    private bool IsPostgres => schema is not null;

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken) =>
        await ScalarAsync(IsPostgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table", cancellationToken) > 0;

    /// <summary>Creates what is missing (schema, table, unique index, our columns) in one transaction.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var statements = await MissingStatementsAsync(cancellationToken);
        if (statements.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = Command(sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The statements that would create or upgrade the journal (for a script); empty when it is complete.</summary>
    public async Task<IReadOnlyList<string>> MissingStatementsAsync(CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        if (!await ExistsAsync(cancellationToken))
        {
            if (IsPostgres)
            {
                statements.Add($"CREATE SCHEMA IF NOT EXISTS {Sql.Quote(schema!)}");
            }

            var columns = new List<string>
            {
                $"{Sql.Quote("Version")} {(IsPostgres ? "bigint" : "INTEGER")} NOT NULL",
                $"{Sql.Quote("AppliedOn")} {(IsPostgres ? "timestamp" : "DATETIME")}",
                $"{Sql.Quote("Description")} {(IsPostgres ? "varchar(1024)" : "TEXT")}",
            };
            columns.AddRange(JournalLayout.ExtraColumns.Select(c => $"{Sql.Quote(c.Name)} {(IsPostgres ? c.PostgresType : c.SqliteType)}"));
            statements.Add($"CREATE TABLE {Table} ({string.Join(", ", columns)})");
            statements.Add($"CREATE UNIQUE INDEX {Sql.Quote("UC_Version")} ON {Table} ({Sql.Quote("Version")})");
        }
        else
        {
            var present = await ColumnsAsync(cancellationToken);
            statements.AddRange(JournalLayout.ExtraColumns.Where(c => !present.Contains(c.Name))
                .Select(c => $"ALTER TABLE {Table} ADD COLUMN {Sql.Quote(c.Name)} {(IsPostgres ? c.PostgresType : c.SqliteType)}"));
        }

        return statements;
    }

    /// <summary>Every applied migration, oldest first; empty when there is no journal. Reads whichever of our columns exist.</summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            return [];
        }

        var present = await ColumnsAsync(cancellationToken);
        var wanted = JournalLayout.FluentMigratorColumns.Concat(JournalLayout.ExtraColumns.Select(c => c.Name)).ToArray();
        var select = string.Join(", ", wanted.Select(c => present.Contains(c) ? Sql.Quote(c) : $"NULL AS {Sql.Quote(c)}"));
        await using var command = Command($"SELECT {select} FROM {Table} ORDER BY {Sql.Quote("Version")}", null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            object? Value(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i);
            entries.Add(new JournalEntry(Convert.ToInt64(Value(0), CultureInfo.InvariantCulture), ReadTime(Value(1)), Value(2) as string)
            {
                Checksum = Value(3) as string,
                DurationMs = Value(4) is { } duration ? Convert.ToInt64(duration, CultureInfo.InvariantCulture) : null,
                AppliedBy = Value(5) as string,
                Environment = Value(6) as string,
                Tags = Value(7) as string,
            });
        }

        return entries;
    }

    private async Task<HashSet<string>> ColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(IsPostgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table"
            : "SELECT name FROM pragma_table_info(@table)", null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, null);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Add(command, "table", JournalTableMetaData.Table);
        if (schema is not null)
        {
            Add(command, "schema", schema);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static DateTime? ReadTime(object? value) => value switch
    {
        null => null,
        DateTime time => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime(),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => null,
    };
}
