using FluentMigrator;
using FluentMigrator.Exceptions;
using FluentMigrator.Model;
using FluentMigrator.Runner.Generators.SQLite;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Prepares a clone of a column definition for FluentMigrator's (internal) SQLite column writer,
/// so it writes what the old engine wrote. SQLite accepts column constraints in any order after the
/// type, so the CHECKs of <c>.Check()</c> and <c>.AsEnum()</c> travel in the type's position
/// (<c>"Role" TEXT CHECK ("Role" IN ('a', 'b')) NOT NULL</c>); the declared type, and so the
/// column's affinity, stays the first word. The caller's definition is never changed.
/// </summary>
public sealed class SqliteColumnPreparer(SqliteQuoter quoter, ISQLiteTypeMap typeMap)
{
    /// <summary>
    /// For CREATE TABLE: FluentMigrator decides inline (identity) or table primary key; foreign
    /// keys are left to the generator (which writes RESTRICT), and <c>Unique()</c> is left to its unique index.
    /// </summary>
    public ColumnDefinition ForCreateTable(ColumnDefinition column) => Prepare(column, column.IsPrimaryKey, null, null);

    /// <summary>For ALTER TABLE ADD COLUMN: SQLite cannot add a key or an identity in place, and the processor rebuilds for those.</summary>
    public ColumnDefinition ForAddColumn(ColumnDefinition column)
    {
        if (column.IsIdentity)
        {
            throw new DatabaseOperationNotSupportedException(
                $"SQLite cannot add identity column \"{column.Name}\": only a single INTEGER PRIMARY KEY can auto-increment");
        }

        return Prepare(column, primaryKey: false, null, null);
    }

    /// <summary>
    /// For a rebuilt table's column: only an identity primary key is written inline (a plain key is a
    /// table constraint), with the CHECK clauses and the DEFAULT text the live column had, when given, kept verbatim.
    /// </summary>
    public ColumnDefinition ForRebuild(ColumnDefinition column, IReadOnlyList<string>? keptChecks, string? keptDefault)
    {
        if (column.IsIdentity && !column.IsPrimaryKey)
        {
            throw new DatabaseOperationNotSupportedException(
                $"SQLite cannot make \"{column.Name}\" an identity: only a single INTEGER PRIMARY KEY can auto-increment");
        }

        return Prepare(column, column.IsPrimaryKey && column.IsIdentity, keptChecks, keptDefault);
    }

    /// <summary>A default SQLite only takes in parentheses when it is an expression (<c>DEFAULT (datetime('now'))</c>).</summary>
    public static object Parenthesized(object value) =>
        value is RawSql raw && !raw.Value.TrimStart().StartsWith('(') ? RawSql.Insert($"({raw.Value})") : value;

    /// <summary>The column's storage class: the type map's, or a PostgreSQL name given to <c>AsCustom</c> mapped (<see cref="SqliteTypeNames"/>).</summary>
    public string TypeName(ColumnDefinition column) =>
        column.AdditionalFeatures.ContainsKey(MigrationFeatures.EnumColumn) ? "TEXT"
        : column.Type is { } type ? typeMap.GetTypeMap(type, column.Size, column.Precision)
        : SqliteTypeNames.FromCustom(column.CustomType ?? "TEXT");

    /// <summary>The CHECK clauses a column's definition asks for: its enum's values, then its <c>.Check()</c>.</summary>
    public IReadOnlyList<string> Checks(ColumnDefinition column)
    {
        var checks = new List<string>();
        if (column.AdditionalFeatures.TryGetValue(MigrationFeatures.EnumColumn, out var e) && e is EnumColumn enumColumn)
        {
            checks.Add($"CHECK ({quoter.QuoteColumnName(column.Name)} IN ({string.Join(", ", enumColumn.Values.Select(v => quoter.QuoteValue(v)))}))");
        }

        if (column.AdditionalFeatures.TryGetValue(MigrationFeatures.ColumnCheck, out var c) && c is string { Length: > 0 } check)
        {
            checks.Add($"CHECK ({check})");
        }

        return checks;
    }

    private ColumnDefinition Prepare(ColumnDefinition column, bool primaryKey, IReadOnlyList<string>? keptChecks, string? keptDefault)
    {
        var clone = (ColumnDefinition)column.Clone();
        clone.IsPrimaryKey = primaryKey;
        clone.ForeignKey = null!;
        clone.IsForeignKey = false;
        clone.IsUnique = false;
        var checks = Checks(column).Concat(keptChecks ?? []).ToList();
        var type = TypeName(column);
        if (checks.Count > 0 || column.Type is null)
        {
            clone.Type = null;
            clone.CustomType = checks.Count == 0 ? type : type + " " + string.Join(" ", checks);
        }

        clone.DefaultValue = keptDefault is not null ? RawSql.Insert(keptDefault) : Parenthesized(column.DefaultValue);
        return clone;
    }
}
