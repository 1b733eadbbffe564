using System.Data.Common;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Journal;

/// <summary>
/// Our own reads and the creation of the journal, on a plain connection (no FluentMigrator runner
/// is needed to know what is applied). Creates FluentMigrator's <c>VersionInfo</c> with our
/// columns, and upgrades a journal FluentMigrator (or an older version of the runner) wrote by
/// adding what it lacks. Reading never changes the table; only <see cref="EnsureCreatedAsync"/>,
/// which runs under the run lock, does. FluentMigrator's version loader then finds the table and
/// only writes rows.
/// </summary>
public sealed class JournalStore(DbConnection connection, string? schema, string? database = null)
{
    private readonly JournalCatalog _catalog = new(connection, schema);

    private string Table => schema is null ? Sql.Quote(JournalTableMetaData.Table) : $"{Sql.Quote(schema)}.{Sql.Quote(JournalTableMetaData.Table)}";

    private bool IsPostgres => schema is not null;

    /// <summary>The journal as messages name it.</summary>
    public string DisplayName => JournalLayout.DisplayName(schema);

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => _catalog.TableExistsAsync(cancellationToken);

    /// <summary>
    /// Creates what is missing (schema, table, unique index, columns) in one transaction. The rows
    /// of an existing journal are read first, so a damaged one is reported before anything about it changes.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var statements = await MissingStatementsAsync(cancellationToken);
        if (statements.Count == 0)
        {
            return;
        }

        if (await ExistsAsync(cancellationToken))
        {
            await ReadAsync(cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The statements that would create or upgrade the journal (for a script); empty when it is
    /// complete. Refuses a journal the runner could not write a row into.
    /// </summary>
    public async Task<IReadOnlyList<string>> MissingStatementsAsync(CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        if (!await ExistsAsync(cancellationToken))
        {
            if (IsPostgres)
            {
                statements.Add($"CREATE SCHEMA IF NOT EXISTS {Sql.Quote(schema!)}");
            }

            var columns = new List<string> { $"{Sql.Quote("Version")} {(IsPostgres ? "bigint" : "INTEGER")} NOT NULL" };
            columns.AddRange(JournalLayout.AddableFluentMigratorColumns.Concat(JournalLayout.ExtraColumns).Select(Definition));
            statements.Add($"CREATE TABLE {Table} ({string.Join(", ", columns)})");
            statements.Add(CreateUniqueIndex);
            return statements;
        }

        var present = await ColumnsAsync(cancellationToken);
        RefuseColumnsTheRunnerCannotFill(present);
        statements.AddRange(JournalLayout.AddableFluentMigratorColumns.Concat(JournalLayout.ExtraColumns)
            .Where(c => !present.Any(p => p.Name == c.Name))
            .Select(c => $"ALTER TABLE {Table} ADD COLUMN {Definition(c)}"));
        if (!await _catalog.HasUniqueVersionAsync(cancellationToken))
        {
            statements.Add(CreateUniqueIndex);
        }

        return statements;
    }

    /// <summary>
    /// Every applied migration, oldest first, and whether there is a journal at all. Reads whichever
    /// columns exist (an absent one reads as null) and changes nothing; a row whose value means
    /// nothing, or a version recorded twice, is a <see cref="JournalDamagedException"/> naming the row.
    /// </summary>
    public async Task<JournalReport<JournalEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(cancellationToken))
        {
            return new([], journalExists: false, DisplayName);
        }

        var present = (await ColumnsAsync(cancellationToken)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (!present.Contains("Version"))
        {
            throw new JournalDamagedException($"{Prefix}{DisplayName} has no \"Version\" column, so it is not a journal the runner can read; rename or drop that table");
        }

        var select = string.Join(", ", JournalLayout.AllColumns.Select(c => present.Contains(c) ? Sql.Quote(c) : $"NULL AS {Sql.Quote(c)}"));
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select} FROM {Table} ORDER BY {Sql.Quote("Version")}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new JournalRowReader(database, DisplayName);
        var entries = new List<(int Row, JournalEntry Entry)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add((entries.Count + 1, rows.Read(reader, entries.Count + 1)));
        }

        if (entries.GroupBy(e => e.Entry.Version).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw rows.Duplicate(twice.Key, twice.Select(e => e.Row).ToArray());
        }

        // SQL orders a version stored as text after every number; the plan needs them oldest first.
        return new(entries.Select(e => e.Entry).OrderBy(e => e.Version).ToArray(), journalExists: true, DisplayName);
    }

    /// <summary>
    /// Writes the rows baseline adopts, in one transaction: each migration as applied, with the
    /// evidence in <c>Baseline</c>. The caller holds the run lock and has created the journal.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<JournalEntry> rows, CancellationToken cancellationToken)
    {
        var columns = JournalLayout.AllColumns.Select(Sql.Quote);
        var values = JournalLayout.AllColumns.Select((_, i) => "@p" + i);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)})";
            object?[] data = [row.Version, row.AppliedOn, row.Description, row.Checksum, row.DurationMs, row.AppliedBy, row.Environment, row.Tags, row.Baseline];
            for (var i = 0; i < data.Length; i++)
            {
                AddParameter(command, "@p" + i, data[i] ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The rows of <see cref="RecordAsync"/> as literal INSERTs, for a database reached only through
    /// SQL text (D1 through wrangler, which takes no parameters); values quoted as SQL literals.
    /// </summary>
    public IReadOnlyList<string> RecordStatements(IReadOnlyList<JournalEntry> rows)
    {
        var columns = string.Join(", ", JournalLayout.AllColumns.Select(Sql.Quote));
        return rows.Select(row =>
        {
            object?[] data = [row.Version, row.AppliedOn, row.Description, row.Checksum, row.DurationMs, row.AppliedBy, row.Environment, row.Tags, row.Baseline];
            return $"INSERT INTO {Table} ({columns}) VALUES ({string.Join(", ", data.Select(Literal))})";
        }).ToArray();
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        long or int => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        // As Microsoft.Data.Sqlite writes a DateTime parameter, so both paths store the same text.
        DateTime time => Sql.Literal(time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
        _ => Sql.Literal(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
    };

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private string Prefix => database is null ? "" : database + ": ";

    private string CreateUniqueIndex => $"CREATE UNIQUE INDEX {Sql.Quote(JournalTableMetaData.UniqueIndex)} ON {Table} ({Sql.Quote("Version")})";

    private string Definition((string Name, string PostgresType, string SqliteType) column) =>
        $"{Sql.Quote(column.Name)} {(IsPostgres ? column.PostgresType : column.SqliteType)}";

    private Task<IReadOnlyList<JournalColumn>> ColumnsAsync(CancellationToken cancellationToken) => _catalog.ColumnsAsync(cancellationToken);

    // FluentMigrator's insert names only the journal's known columns: another NOT NULL column without a default fails every migration's journal row.
    private void RefuseColumnsTheRunnerCannotFill(IReadOnlyList<JournalColumn> columns)
    {
        var known = JournalLayout.AllColumns.ToHashSet(StringComparer.Ordinal);
        if (columns.Where(c => !known.Contains(c.Name) && c.NotNull && !c.FilledByTheDatabase).Select(c => Sql.Quote(c.Name)).ToArray() is { Length: > 0 } unfillable)
        {
            throw new JournalDamagedException(
                $"{Prefix}{DisplayName} has column(s) {string.Join(", ", unfillable)} NOT NULL without a default, which the runner cannot fill when it records a migration; " +
                "give them a default or allow NULL; nothing was changed");
        }
    }
}
