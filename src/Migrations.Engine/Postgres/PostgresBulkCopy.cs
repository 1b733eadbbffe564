using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// Binary COPY of streamed rows, on the connection (and so inside the transaction) FluentMigrator's
/// processor is using. Each value is written as its column's own type, read from the catalog (enums
/// as text, which is their binary form; domains as their base type); timestamps get the DateTime kind
/// and offset Npgsql requires, and whole numbers are widened or narrowed to the column's width.
/// </summary>
internal static class PostgresBulkCopy
{
    private const string ColumnTypesSql = """
        SELECT a.attname,
               CASE WHEN b.typtype = 'e' THEN 'text'
                    WHEN b.typcategory = 'A' THEN (CASE WHEN e.typtype = 'e' THEN 'text' ELSE e.typname END) || '[]'
                    ELSE b.typname END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
        LEFT JOIN pg_type e ON e.oid = b.typelem
        WHERE n.nspname = @schema AND c.relname = @table AND a.attnum > 0 AND NOT a.attisdropped
        """;

    /// <summary>Streams every row into <paramref name="copyCommand"/>'s table; returns the number of rows the server took.</summary>
    public static ulong Write(NpgsqlConnection connection, string copyCommand, string? schema, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, TimeSpan timeout)
    {
        var types = ColumnTypes(connection, string.IsNullOrEmpty(schema) ? "public" : schema, table, columns);
        using var importer = connection.BeginBinaryImport(copyCommand);

        // TimeSpan.Zero is no limit, as for commands: a long seed must not fail on Npgsql's 30 s default.
        importer.Timeout = timeout;
        foreach (var row in rows)
        {
            if (row.Length != types.Length)
            {
                throw new InvalidOperationException($"bulk insert into \"{table}\": a row has {row.Length} values for {types.Length} columns ({string.Join(", ", columns)})");
            }

            importer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null or DBNull)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(Normalize(row[i]!, types[i]), types[i]);
                }
            }
        }

        return importer.Complete();
    }

    /// <summary>Each column's type as COPY writes it (see the class), in <paramref name="columns"/>' order.</summary>
    public static string[] ColumnTypes(NpgsqlConnection connection, string schema, string table, IReadOnlyList<string> columns)
    {
        using var command = new NpgsqlCommand(ColumnTypesSql, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (types.Count == 0)
        {
            throw new InvalidOperationException($"bulk insert: there is no table \"{schema}\".\"{table}\"");
        }

        return columns.Select(column => types.TryGetValue(column, out var type)
            ? type
            : throw new InvalidOperationException($"bulk insert: \"{schema}\".\"{table}\" has no column \"{column}\"")).ToArray();
    }

    /// <summary>The value as its column's type takes it (see the class).</summary>
    public static object Normalize(object value, string type) => (value, type) switch
    {
        (DateTime time, "timestamptz") when time.Kind == DateTimeKind.Local => time.ToUniversalTime(),
        (DateTime time, "timestamptz") when time.Kind == DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        (DateTime time, "timestamp") when time.Kind != DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
        (DateTimeOffset offset, "timestamptz") => offset.ToUniversalTime(),
        (DateTimeOffset offset, "timestamp") => offset.DateTime,
        (string text, "uuid") => Guid.Parse(text),
        (Enum member, "text") => member.ToString(),
        (sbyte or byte or short or ushort or int or uint or long, "int2") => Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture),
        (sbyte or byte or short or ushort or int or uint or long, "int4") => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        (sbyte or byte or short or ushort or int or uint or long, "int8") => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        (sbyte or byte or short or ushort or int or uint or long or float or double, "numeric") => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        (sbyte or byte or short or ushort or int or uint or long or float or decimal, "float8") => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
