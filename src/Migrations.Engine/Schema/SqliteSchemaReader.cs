using System.Data.Common;
using System.Globalization;

namespace Migrations.Engine.Schema;

/// <summary>
/// A SQLite schema from <c>sqlite_master</c> and the table pragmas: columns with their declared
/// type, nullability, default and primary-key position; foreign keys with their rules; unique
/// constraints and CHECKs of each table; indexes, views and triggers by their normalised SQL.
/// </summary>
public sealed class SqliteSchemaReader : ISchemaReader
{
    public async Task<DatabaseSchema> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var master = await QueryAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", cancellationToken);
        var tables = master.Where(r => r[0] == "table" && !SchemaExclusions.IsSqliteInternal(r[1]!) && !SchemaExclusions.JournalTables.Contains(r[1]!)).ToArray();
        var objects = new List<SchemaObject>();
        foreach (var table in tables)
        {
            var name = table[1]!;
            objects.Add(new SchemaObject("table", name, ""));
            objects.AddRange(await ColumnsAsync(connection, name, cancellationToken));
            objects.AddRange(await ForeignKeysAsync(connection, name, cancellationToken));
            objects.AddRange(await UniqueConstraintsAsync(connection, name, cancellationToken));
            objects.AddRange(SqliteSqlText.Checks(table[3] ?? "").Distinct(StringComparer.Ordinal)
                .Select(check => new SchemaObject("check", $"{name}.({check})", check)));
        }

        var tableNames = tables.Select(t => t[1]!).ToHashSet(StringComparer.Ordinal);
        foreach (var row in master.Where(r => r[3] is not null && (r[0] is "view" or "trigger" || (r[0] == "index" && tableNames.Contains(r[2]!)))))
        {
            if (row[0] == "trigger" && !tableNames.Contains(row[2]!) && !master.Any(v => v[0] == "view" && v[1] == row[2]))
            {
                continue; // a trigger on a journal table is the journal's
            }

            objects.Add(new SchemaObject(row[0]!, row[1]!, SqliteSqlText.Normalize(row[3]!)));
        }

        return new DatabaseSchema(objects);
    }

    private static async Task<IEnumerable<SchemaObject>> ColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(@t)", cancellationToken, table);
        return rows.Select(r =>
        {
            var definition = (r[1] ?? "").ToLowerInvariant()
                + (r[2] == "1" ? " not null" : " null")
                + (r[3] is null ? "" : " default " + SqliteSqlText.Normalize(r[3]!))
                + (r[4] is null or "0" ? "" : " primary key " + r[4])
                + (r[5] is "2" or "3" ? " generated" : "");
            return new SchemaObject("column", $"{table}.{r[0]}", definition);
        });
    }

    private static async Task<IEnumerable<SchemaObject>> ForeignKeysAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq", cancellationToken, table);
        return rows.GroupBy(r => r[0]).Select(key =>
        {
            var columns = string.Join(", ", key.Select(r => r[3]));
            var referenced = string.Join(", ", key.Select(r => r[4] ?? "(primary key)"));
            var first = key.First();
            return new SchemaObject("foreign key", $"{table}.({columns})",
                $"references {first[2]}({referenced}) on update {first[5]!.ToLowerInvariant()} on delete {first[6]!.ToLowerInvariant()}");
        });
    }

    // UNIQUE written in the table (index origin 'u'); a primary key is its columns'.
    private static async Task<IEnumerable<SchemaObject>> UniqueConstraintsAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var indexes = await QueryAsync(connection, "SELECT name FROM pragma_index_list(@t) WHERE origin = 'u'", cancellationToken, table);
        var objects = new List<SchemaObject>();
        foreach (var index in indexes)
        {
            var columns = await QueryAsync(connection, "SELECT name FROM pragma_index_info(@t) ORDER BY seqno", cancellationToken, index[0]!);
            var list = string.Join(", ", columns.Select(c => c[0]));
            objects.Add(new SchemaObject("unique", $"{table}.({list})", $"unique ({list})"));
        }

        return objects;
    }

    private static async Task<IReadOnlyList<string?[]>> QueryAsync(DbConnection connection, string sql, CancellationToken cancellationToken, string? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@t";
            p.Value = parameter;
            command.Parameters.Add(p);
        }

        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
