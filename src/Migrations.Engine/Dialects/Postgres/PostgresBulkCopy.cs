using Migrations.Engine.Expressions;
using Npgsql;

namespace Migrations.Engine.Dialects.Postgres;

/// <summary>
/// Binary COPY of generated rows. Each value is written as its column's own type, read from the
/// catalog (enums as text, which is their binary form); timestamps get the DateTime kind Npgsql
/// requires for them.
/// </summary>
internal static class PostgresBulkCopy
{
    public static async Task<long> WriteAsync(PostgresProcessor processor, NpgsqlConnection connection, BulkInsertExpression bulk, CancellationToken cancellationToken)
    {
        var generator = processor.Generator;
        var table = generator.Table(bulk.SchemaName, bulk.TableName);
        var types = bulk.Columns.Select(column => ColumnType(processor, bulk.SchemaName ?? PostgresQuoter.DefaultSchema, bulk.TableName, column)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({generator.ColumnList(bulk.Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in bulk.Rows())
        {
            if (row.Length != types.Length)
            {
                throw new InvalidOperationException($"{bulk.Describe()}: a row has {row.Length} values for {types.Length} columns");
            }

            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(Normalize(row[i]!, types[i]), types[i], cancellationToken);
                }
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static string ColumnType(PostgresProcessor processor, string schema, string table, string column)
    {
        var row = processor.Query("""
            SELECT t.typname, t.typtype FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = @schema AND c.relname = @table AND a.attname = @column AND NOT a.attisdropped
            """, ("schema", schema), ("table", table), ("column", column)).SingleOrDefault()
            ?? throw new InvalidOperationException($"bulk insert: \"{table}\" has no column \"{column}\"");
        return (char)row[1]! == 'e' ? "text" : (string)row[0]!;
    }

    private static object Normalize(object value, string type) => (value, type) switch
    {
        (DateTime time, "timestamptz") when time.Kind != DateTimeKind.Utc => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        (DateTime time, "timestamp") when time.Kind == DateTimeKind.Utc => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
        (string text, "uuid") => Guid.Parse(text),
        _ => value,
    };
}
