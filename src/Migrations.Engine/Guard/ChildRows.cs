using System.Data.Common;
using System.Globalization;
using FluentMigrator.Expressions;
using FluentMigrator.Generation;

namespace Migrations.Engine.Guard;

/// <summary>
/// The rows of other tables that a dropped table's rows still hold up: each foreign key pointing at
/// it, from a table the run does not drop itself, read from the live catalog (pragma_foreign_key_list
/// on SQLite, pg_constraint on PostgreSQL), and, through <c>ON DELETE CASCADE</c> keys, the rows
/// that reference those in turn. Each key's own rule says what becomes of its rows: deleted
/// (<c>CASCADE</c>), cleared (<c>SET NULL</c>), or, for any other rule, nothing may: they block.
/// When the step deletes the key before dropping the parent (a <c>Down()</c> that undoes
/// <c>Create.ForeignKey</c>), or on SQLite, where a rebuild runs with foreign keys off, the runner
/// applies the rule itself, in the step's transaction, so no row is left pointing at nothing.
/// For a script (<paramref name="everyRule"/>), a rule is kept even where no row needs it now: the
/// script runs later, on the real rows, where it must apply the rule just as a migrate would.
/// </summary>
public sealed class ChildRows(DbConnection connection, IQuoter quoter, string? defaultSchema, bool everyRule = false)
{
    // Guards against a cycle of cascading keys (a -> b -> a); real schemas are far shallower.
    private const int MaxDepth = 16;

    // SQLite: one row per key column, in order; the key's id groups them; a key without columns names the parent's primary key.
    private const string SqliteReferences =
        "SELECT NULL, m.name, CAST(f.id AS TEXT), f.\"from\", " +
        "coalesce(f.\"to\", (SELECT p.name FROM pragma_table_info(f.\"table\") p WHERE p.pk = f.seq + 1)), f.on_delete, NULL " +
        "FROM sqlite_master m, pragma_foreign_key_list(m.name) f " +
        "WHERE m.type = 'table' AND f.\"table\" = @table COLLATE NOCASE ORDER BY m.name, f.id, f.seq";

    private const string PostgresReferences =
        "SELECT cn.nspname, c.relname, con.oid::text, a.attname, pa.attname, con.confdeltype::text, con.conname FROM pg_constraint con " +
        "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace " +
        "JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace " +
        "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY k(attnum, fattnum, ord) " +
        "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum " +
        "JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.fattnum " +
        "WHERE con.contype = 'f' AND pn.nspname = @schema AND p.relname = @table ORDER BY 1, 2, 3, k.ord";

    private sealed record Reference(string? Schema, string Table, string[] Columns, string[] Referenced, string OnDelete, string? Name);

    /// <summary>
    /// What dropping <paramref name="table"/> would do to other tables' rows, each effect with rows:
    /// <paramref name="dropped"/> are the tables the run drops (children among them are counted by
    /// their own drop), <paramref name="expressions"/> the dropping step's own. Effects come in the
    /// order their statements must run (a cascaded grandchild before the child it references).
    /// </summary>
    public async Task<IReadOnlyList<ChildEffect>> MeasureAsync(
        (string? Schema, string Table) table, IReadOnlySet<(string? Schema, string Table)> dropped,
        IReadOnlyList<IMigrationExpression> expressions, CancellationToken cancellationToken)
    {
        var effects = new List<ChildEffect>();
        await VisitAsync(table, null, runnerApplies: false, dropped, expressions, effects, 0, cancellationToken);
        return effects;
    }

    /// <summary>A table as the guard compares them: SQLite's names ignore case.</summary>
    public (string? Schema, string Table) Key(string? schema, string table) =>
        defaultSchema is null ? (null, table.ToLowerInvariant()) : (string.IsNullOrEmpty(schema) ? defaultSchema : schema, table);

    // parentRows: the parent's rows that go (null: all of them, the parent is dropped).
    private async Task VisitAsync((string? Schema, string Table) parent, string? parentRows, bool runnerApplies,
        IReadOnlySet<(string? Schema, string Table)> dropped, IReadOnlyList<IMigrationExpression> expressions,
        List<ChildEffect> effects, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var reference in await ReferencesAsync(parent, cancellationToken))
        {
            // A child the run drops is counted by its own drop; a key column the step deletes, by that delete.
            if (dropped.Contains(Key(reference.Schema, reference.Table)) || ColumnDeleted(reference, expressions))
            {
                continue;
            }

            var rows = Condition(reference, parent, parentRows);
            var count = await CountAsync(reference, rows, cancellationToken);
            if (count == 0 && !(everyRule && reference.OnDelete is "cascade" or "c" or "set null" or "n"))
            {
                continue;
            }

            var applies = runnerApplies || defaultSchema is null || (parentRows is null && KeyDeleted(reference, expressions));
            var child = quoter.QuoteTableName(reference.Table, reference.Schema);
            switch (reference.OnDelete)
            {
                case "cascade" or "c":
                    await VisitAsync((reference.Schema, reference.Table), rows, applies, dropped, expressions, effects, depth + 1, cancellationToken);
                    effects.Add(new ChildEffect($"cascade-delete rows of \"{reference.Table}\" {Via(reference, parent.Table)}", count,
                        $"DELETE FROM {child} WHERE {rows}") { RunnerApplies = applies });
                    break;
                case "set null" or "n":
                    effects.Add(new ChildEffect($"clear {Columns(reference)} of \"{reference.Table}\" {Via(reference, parent.Table)}", count,
                        $"UPDATE {child} SET {string.Join(", ", reference.Columns.Select(c => $"{quoter.QuoteColumnName(c)} = NULL"))} WHERE {rows}") { RunnerApplies = applies });
                    break;
                default:
                    effects.Add(new ChildEffect($"orphan rows of \"{reference.Table}\" {Via(reference, parent.Table)}", count, null) { RunnerApplies = applies });
                    break;
            }
        }
    }

    // The child's rows that reference the parent's going rows: all with the key set, when the whole parent goes.
    private string Condition(Reference reference, (string? Schema, string Table) parent, string? parentRows)
    {
        if (parentRows is null)
        {
            return string.Join(" AND ", reference.Columns.Select(c => $"{quoter.QuoteColumnName(c)} IS NOT NULL"));
        }

        var columns = reference.Columns.Select(quoter.QuoteColumnName).ToArray();
        var referenced = string.Join(", ", reference.Referenced.Select(quoter.QuoteColumnName));
        var key = columns.Length == 1 ? columns[0] : $"({string.Join(", ", columns)})";
        return $"{key} IN (SELECT {referenced} FROM {quoter.QuoteTableName(parent.Table, parent.Schema)} WHERE {parentRows})";
    }

    private async Task<long> CountAsync(Reference reference, string rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {quoter.QuoteTableName(reference.Table, reference.Schema)} WHERE {rows}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string Columns(Reference reference) => string.Join(", ", reference.Columns.Select(c => $"\"{c}\""));

    private static string Via(Reference reference, string parent) =>
        $"(its {Columns(reference)} {(reference.Columns.Length == 1 ? "references" : "reference")} \"{parent}\")";

    private bool ColumnDeleted(Reference reference, IReadOnlyList<IMigrationExpression> expressions) =>
        expressions.OfType<DeleteColumnExpression>().Any(e =>
            Key(e.SchemaName, e.TableName) == Key(reference.Schema, reference.Table)
            && e.ColumnNames.Any(c => reference.Columns.Contains(c, StringComparer.OrdinalIgnoreCase)));

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

        var columns = new List<(string? Schema, string Table, string Id, string Column, string Referenced, string OnDelete, string? Name)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetString(5).ToLowerInvariant(), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        // A self-reference goes with the table itself.
        return columns.GroupBy(c => (c.Schema, c.Table, c.Id))
            .Where(g => Key(g.Key.Schema, g.Key.Table) != Key(table.Schema, table.Table))
            .Select(g => new Reference(g.Key.Schema, g.Key.Table, g.Select(c => c.Column).ToArray(), g.Select(c => c.Referenced).ToArray(), g.First().OnDelete, g.First().Name))
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
