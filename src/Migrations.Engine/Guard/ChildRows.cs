using System.Data.Common;
using System.Globalization;
using FluentMigrator.Expressions;
using FluentMigrator.Generation;

namespace Migrations.Engine.Guard;

/// <summary>
/// The rows of other tables that a dropped table's rows still hold up: each foreign key pointing at
/// it, from a table the run does not drop itself, read from the live catalog (pragma_foreign_key_list
/// on SQLite, pg_constraint on PostgreSQL). Its rows with every key column set would be deleted by
/// an <c>ON DELETE CASCADE</c>, cleared by <c>SET NULL</c> or <c>SET DEFAULT</c>, and otherwise left
/// pointing at nothing (also when the same step deletes a foreign key of that table first, as a
/// <c>Down()</c> that undoes <c>Create.ForeignKey</c> and then drops the parent does).
/// </summary>
public sealed class ChildRows(DbConnection connection, IQuoter quoter, string? defaultSchema)
{
    // SQLite: one row per key column, in order; the key's id groups them.
    private const string SqliteReferences =
        "SELECT NULL, m.name, CAST(f.id AS TEXT), f.\"from\", f.on_delete, NULL FROM sqlite_master m, pragma_foreign_key_list(m.name) f " +
        "WHERE m.type = 'table' AND f.\"table\" = @table COLLATE NOCASE ORDER BY m.name, f.id, f.seq";

    private const string PostgresReferences =
        "SELECT cn.nspname, c.relname, con.oid::text, a.attname, con.confdeltype::text, con.conname FROM pg_constraint con " +
        "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace " +
        "JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace " +
        "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY k(attnum, ord) " +
        "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum " +
        "WHERE con.contype = 'f' AND pn.nspname = @schema AND p.relname = @table ORDER BY 1, 2, 3, k.ord";

    private sealed record Reference(string? Schema, string Table, string[] Columns, string OnDelete, string? Name);

    /// <summary>
    /// What dropping <paramref name="table"/> would do to its children, each with its count (only
    /// those with rows): <paramref name="dropped"/> are the tables the run drops (children among them
    /// are counted by their own drop), <paramref name="expressions"/> the dropping step's own.
    /// </summary>
    public async Task<IReadOnlyList<(string What, long Rows)>> MeasureAsync(
        (string? Schema, string Table) table, IReadOnlySet<(string? Schema, string Table)> dropped,
        IReadOnlyList<IMigrationExpression> expressions, CancellationToken cancellationToken)
    {
        var losses = new List<(string, long)>();
        foreach (var reference in await ReferencesAsync(table, cancellationToken))
        {
            if (dropped.Contains(Key(reference.Schema, reference.Table)))
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {quoter.QuoteTableName(reference.Table, reference.Schema)} WHERE " +
                string.Join(" AND ", reference.Columns.Select(c => $"{quoter.QuoteColumnName(c)} IS NOT NULL"));
            var rows = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (rows > 0)
            {
                losses.Add((Describe(reference, table.Table, KeyDeleted(reference, expressions)), rows));
            }
        }

        return losses;
    }

    /// <summary>A table as the guard compares them: SQLite's names ignore case.</summary>
    public (string? Schema, string Table) Key(string? schema, string table) =>
        defaultSchema is null ? (null, table.ToLowerInvariant()) : (string.IsNullOrEmpty(schema) ? defaultSchema : schema, table);

    private static string Describe(Reference reference, string parent, bool keyDeleted)
    {
        var columns = string.Join(", ", reference.Columns.Select(c => $"\"{c}\""));
        var via = $"(its {columns} {(reference.Columns.Length == 1 ? "references" : "reference")} \"{parent}\")";
        return (keyDeleted ? "no action" : reference.OnDelete) switch
        {
            "cascade" or "c" => $"cascade-delete rows of \"{reference.Table}\" {via}",
            "set null" or "set default" or "n" or "d" => $"clear {columns} of \"{reference.Table}\" {via}",
            _ => $"orphan rows of \"{reference.Table}\" {via}",
        };
    }

    // SQLite's catalog names no foreign key, so any foreign key the step deletes on the child is taken to be this one.
    private bool KeyDeleted(Reference reference, IReadOnlyList<IMigrationExpression> expressions) =>
        expressions.OfType<DeleteForeignKeyExpression>().Any(e =>
            Key(e.ForeignKey.ForeignTableSchema, e.ForeignKey.ForeignTable) == Key(reference.Schema, reference.Table)
            && (reference.Name is null || string.IsNullOrEmpty(e.ForeignKey.Name) || e.ForeignKey.Name == reference.Name));

    private async Task<IReadOnlyList<Reference>> ReferencesAsync((string? Schema, string Table) table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = defaultSchema is null ? SqliteReferences : PostgresReferences;
        Add(command, "table", table.Table);
        if (defaultSchema is not null)
        {
            Add(command, "schema", table.Schema ?? defaultSchema);
        }

        var columns = new List<(string? Schema, string Table, string Id, string Column, string OnDelete, string? Name)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4).ToLowerInvariant(), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        // A self-reference goes with the table itself.
        return columns.GroupBy(c => (c.Schema, c.Table, c.Id))
            .Where(g => Key(g.Key.Schema, g.Key.Table) != Key(table.Schema, table.Table))
            .Select(g => new Reference(g.Key.Schema, g.Key.Table, g.Select(c => c.Column).ToArray(), g.First().OnDelete, g.First().Name))
            .ToArray();
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
