using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure.Extensions;
using FluentMigrator.Model;
using Migrations.Engine.Authoring;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Plans what SQLite cannot do in place as SQLite's documented table rebuild: create the new
/// table, copy the rows, drop the old one, rename, recreate its indexes and triggers. Each plan is
/// read from the live table (inside the migration's transaction), edits its CREATE TABLE as text
/// and keeps whatever it does not understand. The processor runs the plan with foreign keys off
/// and checks <c>PRAGMA foreign_key_check</c> before committing.
/// </summary>
public sealed class SqliteTableRebuilder(SqliteGenerator generator, ISqliteCatalog catalog)
{
    private const string TempPrefix = "_rebuild_";

    /// <summary>
    /// True when the expression may need a rebuild, so its migration must run with foreign keys off.
    /// <paramref name="inlinedForeignKeys"/> are foreign keys a CREATE TABLE or a rebuilt column already writes.
    /// </summary>
    public static bool MayRebuild(IMigrationExpression expression, IReadOnlySet<ForeignKeyDefinition> inlinedForeignKeys) => expression switch
    {
        AlterColumnExpression or AlterDefaultConstraintExpression or DeleteDefaultConstraintExpression or DeleteForeignKeyExpression
            or CreateCheckConstraintExpression or DeleteCheckConstraintExpression or DeleteColumnExpression => true,
        CreateForeignKeyExpression e => !inlinedForeignKeys.Contains(e.ForeignKey) && e.ForeignKey.Name?.StartsWith("$$IGNORE$$_", StringComparison.Ordinal) != true,
        CreateConstraintExpression e => e.Constraint.IsPrimaryKeyConstraint,
        DeleteConstraintExpression e => e.Constraint.IsPrimaryKeyConstraint,
        CreateColumnExpression e => !CanAddInPlace(e.Column),
        _ => false,
    };

    /// <summary>SQLite's ADD COLUMN refuses keys, identities, references, stored computed columns, NOT NULL without a default, and non-constant defaults.</summary>
    public static bool CanAddInPlace(ColumnDefinition column) =>
        !column.IsPrimaryKey && !column.IsIdentity && column.ForeignKey is null && !(column.Expression is not null && column.ExpressionStored)
        && column.DefaultValue is not (SystemMethods or RawSql)
        && (column.IsNullable == true || column.DefaultValue is not (ColumnDefinition.UndefinedDefaultValue or null));

    public SqliteChange AlterColumn(AlterColumnExpression e) => Rebuild(e.TableName, def =>
    {
        var old = def.Column(e.Column.Name) ?? throw Fail(e.TableName, $"it has no column \"{e.Column.Name}\"");
        var merged = (ColumnDefinition)e.Column.Clone();
        // Like FluentMigrator on PostgreSQL, what the alter does not state (nullability, default, identity) stays as it is.
        merged.IsNullable = e.Column.IsNullable ?? !old.IsNotNull;
        merged.IsIdentity = e.Column.IsIdentity || old.IsAutoIncrement;
        merged.IsPrimaryKey = e.Column.IsPrimaryKey || old.IsAutoIncrement;
        var keptDefault = e.Column.DefaultValue is ColumnDefinition.UndefinedDefaultValue ? old.DefaultText : null;

        // A CHECK the alter does not state is kept too (an enum type brings its own).
        var statesCheck = e.Column.AdditionalFeatures.ContainsKey(MigrationFeatures.ColumnCheck) || e.Column.AdditionalFeatures.ContainsKey(MigrationFeatures.EnumColumn);
        var sql = generator.ColumnSql(merged, statesCheck ? null : old.CheckClauses, keptDefault);
        if (old.IsPrimaryKey && !old.IsAutoIncrement)
        {
            sql += " PRIMARY KEY";
        }

        def.Columns[def.Columns.IndexOf(old)] = old with { Sql = sql };
        if (e.Column.ForeignKey is { } foreignKey)
        {
            AddForeignKey(def, foreignKey);
        }
    });

    /// <summary>A new default; nothing when the column already has exactly that default (an Alter.Column stating it rebuilt already).</summary>
    public SqliteChange AlterDefault(AlterDefaultConstraintExpression e)
    {
        var text = generator.DefaultSql(e.DefaultValue);
        var current = Read(e.TableName).Column(e.ColumnName) ?? throw Fail(e.TableName, $"it has no column \"{e.ColumnName}\"");
        return current.DefaultText == text
            ? SqliteChange.None
            : Rebuild(e.TableName, def => Replace(def, e.TableName, e.ColumnName, c => c.WithDefault(text)));
    }

    public SqliteChange DeleteDefault(DeleteDefaultConstraintExpression e) =>
        Rebuild(e.TableName, def => Replace(def, e.TableName, e.ColumnName, c => c.WithoutDefault()));

    public SqliteChange CreateForeignKey(CreateForeignKeyExpression e) =>
        Rebuild(e.ForeignKey.ForeignTable, def => AddForeignKey(def, e.ForeignKey));

    public SqliteChange DeleteForeignKey(DeleteForeignKeyExpression e) => Rebuild(e.ForeignKey.ForeignTable, def =>
    {
        var fk = e.ForeignKey;
        var match = def.Constraints.FirstOrDefault(c => c.Kind == "FOREIGN" && string.Equals(c.Name, fk.Name, StringComparison.OrdinalIgnoreCase))
            ?? def.Constraints.FirstOrDefault(c => c.Kind == "FOREIGN" && fk.ForeignColumns.Count > 0
                && c.Columns.SequenceEqual(fk.ForeignColumns, StringComparer.OrdinalIgnoreCase)
                && string.Equals(c.ReferencedTable, fk.PrimaryTable, StringComparison.OrdinalIgnoreCase))
            ?? throw Fail(fk.ForeignTable, $"it has no foreign key \"{fk.Name}\" (it has: {Names(def, "FOREIGN")})");
        def.Constraints.Remove(match);
    });

    public SqliteChange CreatePrimaryKey(CreateConstraintExpression e) => Rebuild(e.Constraint.TableName, def =>
    {
        var name = e.Constraint.ConstraintName;
        AddConstraint(def, e.Constraint.TableName, name, $"CONSTRAINT {Q(name)} PRIMARY KEY ({generator.ColumnList(e.Constraint.Columns)})");
    });

    public SqliteChange DeletePrimaryKey(DeleteConstraintExpression e) => Rebuild(e.Constraint.TableName, def =>
    {
        var primaryKeys = def.Constraints.Where(c => c.Kind == "PRIMARY").ToList();
        var match = primaryKeys.FirstOrDefault(c => string.Equals(c.Name, e.Constraint.ConstraintName, StringComparison.OrdinalIgnoreCase))
            ?? (primaryKeys.Count == 1 ? primaryKeys[0] : null)
            ?? throw Fail(e.Constraint.TableName, $"it has no primary key constraint \"{e.Constraint.ConstraintName}\" (it has: {Names(def, "PRIMARY")})");
        def.Constraints.Remove(match);
    });

    public SqliteChange CreateCheck(CreateCheckConstraintExpression e) =>
        Rebuild(e.TableName, def => AddConstraint(def, e.TableName, e.ConstraintName, $"CONSTRAINT {Q(e.ConstraintName)} CHECK ({e.CheckSql})"));

    public SqliteChange DeleteCheck(DeleteCheckConstraintExpression e) => Rebuild(e.TableName, def =>
    {
        var match = def.Constraints.FirstOrDefault(c => c.Kind == "CHECK" && string.Equals(c.Name, e.ConstraintName, StringComparison.OrdinalIgnoreCase))
            ?? throw Fail(e.TableName, $"it has no check constraint \"{e.ConstraintName}\" (it has: {Names(def, "CHECK")})");
        def.Constraints.Remove(match);
    });

    /// <summary>A column ADD COLUMN refuses (see <see cref="CanAddInPlace"/>), with its key and foreign key as table constraints.</summary>
    public SqliteChange AddColumn(CreateColumnExpression e) => Rebuild(e.TableName, def =>
    {
        var column = (ColumnDefinition)e.Column.Clone();
        if (def.Column(column.Name) is not null)
        {
            throw Fail(e.TableName, $"it already has a column \"{column.Name}\"");
        }

        // An added identity becomes the table's INTEGER PRIMARY KEY AUTOINCREMENT, the only identity SQLite has.
        column.IsPrimaryKey = column.IsPrimaryKey || column.IsIdentity;
        if (column.IsIdentity && HasPrimaryKey(def))
        {
            throw Fail(e.TableName, $"identity column \"{column.Name}\" would be a second primary key");
        }

        def.Columns.Add(SqliteColumnItem.Parse(generator.ColumnSql(column)));
        if (column.IsPrimaryKey && !column.IsIdentity)
        {
            var name = string.IsNullOrEmpty(column.PrimaryKeyName) ? $"PK_{e.TableName}" : column.PrimaryKeyName;
            AddConstraint(def, e.TableName, name, $"CONSTRAINT {Q(name)} PRIMARY KEY ({Q(column.Name)})");
        }

        if (column.ForeignKey is { } foreignKey)
        {
            AddForeignKey(def, foreignKey);
        }
    });

    /// <summary>
    /// SQLite's own DROP COLUMN where it can (dropping the column's indexes first, as PostgreSQL
    /// does); a rebuild where the column carries a key, reference, CHECK or is named by a table constraint.
    /// </summary>
    public SqliteChange DeleteColumns(DeleteColumnExpression e)
    {
        var def = Read(e.TableName);
        foreach (var column in e.ColumnNames)
        {
            var referencing = catalog.ReferencesTo(e.TableName).Where(r => r.To.Equals(column, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (referencing.Length > 0)
            {
                throw Fail(e.TableName, $"column \"{column}\" is referenced by {string.Join(", ", referencing.Select(r => $"\"{r.Table}\".\"{r.From}\""))}; drop those foreign keys first");
            }

            _ = def.Column(column) ?? throw Fail(e.TableName, $"it has no column \"{column}\"");
        }

        var needsRebuild = e.ColumnNames.Any(name => def.Column(name)!.HasBlockingConstraint || def.Constraints.Any(c => c.Involves(name)));
        if (needsRebuild)
        {
            return Rebuild(e.TableName, d =>
            {
                foreach (var name in e.ColumnNames)
                {
                    d.Columns.Remove(d.Column(name)!);
                    d.Constraints.RemoveAll(c => c.Involves(name));
                }
            }, [.. e.ColumnNames]);
        }

        var statements = catalog.Indexes(e.TableName)
            .Where(index => catalog.IndexColumns(index.Name).Intersect(e.ColumnNames, StringComparer.OrdinalIgnoreCase).Any())
            .Select(index => $"DROP INDEX {Q(index.Name)}").ToList();
        statements.AddRange(e.ColumnNames.Select(c => $"ALTER TABLE {Q(e.TableName)} DROP COLUMN {Q(c)}"));
        return new SqliteChange(statements, RebuiltTable: null);
    }

    private void AddForeignKey(SqliteTableDefinition def, ForeignKeyDefinition foreignKey)
    {
        AddConstraint(def, foreignKey.ForeignTable, foreignKey.Name, generator.ForeignKeyClause(foreignKey));
        generator.MarkInlined(foreignKey);
    }

    private static void Replace(SqliteTableDefinition def, string table, string column, Func<SqliteColumnItem, SqliteColumnItem> change)
    {
        var old = def.Column(column) ?? throw Fail(table, $"it has no column \"{column}\"");
        def.Columns[def.Columns.IndexOf(old)] = change(old);
    }

    private static void AddConstraint(SqliteTableDefinition def, string table, string? name, string sql)
    {
        if (name is not null && def.Constraints.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Fail(table, $"it already has a constraint \"{name}\"");
        }

        var item = SqliteConstraintItem.Parse(sql);
        if (item.Kind == "PRIMARY" && HasPrimaryKey(def))
        {
            throw Fail(table, "it already has a primary key");
        }

        def.Constraints.Add(item);
    }

    private static bool HasPrimaryKey(SqliteTableDefinition def) => def.Constraints.Any(c => c.Kind == "PRIMARY") || def.Columns.Any(c => c.IsPrimaryKey);

    private SqliteChange Rebuild(string table, Action<SqliteTableDefinition> change, IReadOnlyList<string>? droppedColumns = null)
    {
        var oldDef = Read(table);
        var newDef = Read(table);
        change(newDef);
        var temp = Q(TempPrefix + table);

        // A change SQLite cannot see (AsString(20) to AsString(40): TEXT either way) copies nothing.
        if (newDef.ToCreateSql(temp) == oldDef.ToCreateSql(temp))
        {
            return SqliteChange.None;
        }

        var copied = newDef.Columns.Where(c => !c.IsGenerated && oldDef.Column(c.Name) is { IsGenerated: false }).Select(c => Q(c.Name)).ToArray();
        var dropped = droppedColumns ?? [];
        var statements = new List<string>
        {
            newDef.ToCreateSql(temp),
            $"INSERT INTO {temp} ({string.Join(", ", copied)}) SELECT {string.Join(", ", copied)} FROM {Q(table)}",
        };

        // An identity never goes back: the new table continues the old one's AUTOINCREMENT sequence.
        if (newDef.Columns.Any(c => c.IsAutoIncrement) && oldDef.Columns.Any(c => c.IsAutoIncrement))
        {
            statements.Add($"DELETE FROM sqlite_sequence WHERE name = {Sql.Literal(TempPrefix + table)}");
            statements.Add($"INSERT INTO sqlite_sequence (name, seq) SELECT {Sql.Literal(TempPrefix + table)}, seq FROM sqlite_sequence WHERE name = {Sql.Literal(table)}");
        }

        statements.AddRange(
        [
            $"DROP TABLE {Q(table)}",
            // Legacy mode keeps SQLite from rewriting or re-validating views and triggers that name the table.
            "PRAGMA legacy_alter_table = ON",
            $"ALTER TABLE {temp} RENAME TO {Q(table)}",
            "PRAGMA legacy_alter_table = OFF",
        ]);
        statements.AddRange(catalog.Indexes(table)
            .Where(index => !catalog.IndexColumns(index.Name).Intersect(dropped, StringComparer.OrdinalIgnoreCase).Any())
            .Select(index => index.Sql));
        statements.AddRange(catalog.Triggers(table));
        return new SqliteChange(statements, table);
    }

    private SqliteTableDefinition Read(string table) =>
        SqliteTableDefinition.Parse(catalog.TableSql(table) ?? throw Fail(table, "the table does not exist"));

    private static string Names(SqliteTableDefinition def, string kind)
    {
        var names = def.Constraints.Where(c => c.Kind == kind).Select(c => c.Name ?? "(unnamed)").ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    private string Q(string identifier) => generator.Quoter.Quote(identifier);

    private static SqliteRebuildException Fail(string table, string why) => new(table, why);
}
