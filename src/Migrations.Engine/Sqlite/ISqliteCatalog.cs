namespace Migrations.Engine.Sqlite;

/// <summary>What a table rebuild reads from <c>sqlite_master</c>, inside the migration's transaction.</summary>
public interface ISqliteCatalog
{
    /// <summary>The table's CREATE TABLE statement, or null when there is no such table.</summary>
    string? TableSql(string table);

    /// <summary>The explicit indexes of the table (not the automatic ones behind UNIQUE/PRIMARY KEY).</summary>
    IReadOnlyList<(string Name, string Sql)> Indexes(string table);

    IReadOnlyList<string> IndexColumns(string index);

    IReadOnlyList<string> Triggers(string table);

    /// <summary>Foreign keys of other tables that point at this table: (child table, child column, parent column).</summary>
    IReadOnlyList<(string Table, string From, string To)> ReferencesTo(string table);
}
