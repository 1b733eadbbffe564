using System.Data.Common;
using System.Globalization;

namespace Migrations.Engine.Journal;

/// <summary>
/// What the database's catalog says about the journal table (is it there, its columns, a unique
/// index on Version) and about the database around it, on a plain connection; every name is a
/// parameter. <paramref name="schema"/> is null on SQLite.
/// </summary>
public sealed class JournalCatalog(DbConnection connection, string? schema)
{
    private bool IsPostgres => schema is not null;

    /// <summary>Whether <c>VersionInfo</c> exists as a table (in the schema on PostgreSQL; on SQLite, whose names ignore case, at all).</summary>
    public async Task<bool> TableExistsAsync(CancellationToken cancellationToken) =>
        await CountAsync(IsPostgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table AND table_type = 'BASE TABLE'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table COLLATE NOCASE", schema, cancellationToken) > 0;

    public async Task<IReadOnlyList<JournalColumn>> ColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(IsPostgres
            ? "SELECT column_name, is_nullable = 'NO', column_default IS NOT NULL OR is_identity = 'YES' OR is_generated <> 'NEVER' " +
              "FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY ordinal_position"
            : "SELECT name, \"notnull\" <> 0, dflt_value IS NOT NULL OR (pk = 1 AND upper(type) = 'INTEGER') FROM pragma_table_info(@table) ORDER BY cid", schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<JournalColumn>();
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new JournalColumn(reader.GetString(0), Flag(reader.GetValue(1)), Flag(reader.GetValue(2))));
        }

        return columns;
    }

    /// <summary>Whether a unique index or primary key on <c>Version</c> alone keeps a version from being recorded twice.</summary>
    public async Task<bool> HasUniqueVersionAsync(CancellationToken cancellationToken) =>
        await CountAsync(IsPostgres
            ? "SELECT count(*) FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class t ON t.oid = i.indrelid " +
              "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] " +
              "WHERE n.nspname = @schema AND t.relname = @table AND i.indisunique AND i.indnatts = 1 AND i.indpred IS NULL AND a.attname = 'Version'"
            : "SELECT count(*) FROM pragma_index_list(@table) AS l WHERE l.\"unique\" = 1 AND l.partial = 0 " +
              "AND (SELECT count(*) FROM pragma_index_info(l.name)) = 1 AND (SELECT name FROM pragma_index_info(l.name)) = 'Version' " +
              "UNION ALL SELECT count(*) FROM pragma_table_info(@table) WHERE pk = 1 AND name = 'Version' AND upper(type) = 'INTEGER'",
            schema, cancellationToken) > 0;

    private async Task<long> CountAsync(string sql, string? inSchema, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, inSchema);
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total += Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        }

        return total;
    }

    private static bool Flag(object value) => Convert.ToBoolean(value, CultureInfo.InvariantCulture);

    private DbCommand Command(string sql, string? inSchema)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        JournalStore.AddParameter(command, "table", JournalTableMetaData.Table);
        if (inSchema is not null)
        {
            JournalStore.AddParameter(command, "schema", inSchema);
        }

        return command;
    }
}
