namespace Migrations.Engine.Sqlite;

/// <summary>
/// What rebuilds and FluentMigrator's existence checks read from <c>sqlite_master</c>, in the
/// migration's transaction when one is open. Schemas are ignored, as everywhere on SQLite here
/// (a schema would name an attached database).
/// </summary>
public partial class SqliteProcessor : ISqliteCatalog
{
    public string? TableSql(string table) =>
        Scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @p0 COLLATE NOCASE", table) as string;

    public IReadOnlyList<(string Name, string Sql)> Indexes(string table) =>
        Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @p0 COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid", table)
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToArray();

    public IReadOnlyList<string> IndexColumns(string index) =>
        Query("SELECT name FROM pragma_index_info(@p0) WHERE name IS NOT NULL", index).Select(r => (string)r[0]!).ToArray();

    public IReadOnlyList<string> Triggers(string table) =>
        Query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @p0 COLLATE NOCASE ORDER BY rowid", table)
            .Select(r => (string)r[0]!).ToArray();

    public IReadOnlyList<(string Table, string From, string To)> ReferencesTo(string table) =>
        Query("""
              SELECT m.name, f."from", f."to" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
              WHERE m.type = 'table' AND f."table" = @p0 COLLATE NOCASE AND m.name <> @p0 COLLATE NOCASE
              """, table)
            .Select(r => ((string)r[0]!, (string)r[1]!, r[2] as string ?? "")).ToArray();

    public override bool TableExists(string schemaName, string tableName) => TableSql(tableName) is not null;

    public override bool ColumnExists(string schemaName, string tableName, string columnName) =>
        Query("SELECT 1 FROM pragma_table_info(@p0) WHERE name = @p1 COLLATE NOCASE", tableName, columnName).Count > 0;

    /// <summary>A named table constraint (primary key, foreign key, check) or, as FluentMigrator has it, a unique index.</summary>
    public override bool ConstraintExists(string schemaName, string tableName, string constraintName)
    {
        var sql = TableSql(tableName);
        return sql is not null
            && (SqliteTableDefinition.Parse(sql).Constraints.Any(c => string.Equals(c.Name, constraintName, StringComparison.OrdinalIgnoreCase))
                || Query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = @p0 COLLATE NOCASE AND tbl_name = @p1 COLLATE NOCASE AND sql LIKE 'CREATE UNIQUE INDEX %'",
                    constraintName, tableName).Count > 0);
    }

    public override bool IndexExists(string schemaName, string tableName, string indexName) =>
        Query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = @p0 COLLATE NOCASE AND tbl_name = @p1 COLLATE NOCASE", indexName, tableName).Count > 0;

    private object? Scalar(string sql, params object?[] parameters) => Query(sql, parameters).FirstOrDefault()?[0];

    /// <summary>Rows of a read on the migration's connection, in its transaction when one is open.</summary>
    protected List<object?[]> Query(string sql, params object?[] parameters) => ReportingLockTimeout(() => QueryNow(sql, parameters));

    private List<object?[]> QueryNow(string sql, object?[] parameters)
    {
        EnsureConnectionIsOpen();
        using var command = CreateCommand(sql);
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = parameters[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
