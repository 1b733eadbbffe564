using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Dialects.Sqlite;

/// <summary>
/// Plans what SQLite cannot do in place as SQLite's documented table rebuild: create the new
/// table, copy the rows, drop the old one, rename, recreate its indexes and triggers. It runs
/// inside the migration's transaction with foreign keys off; the processor checks
/// <c>PRAGMA foreign_key_check</c> before committing. Errors name the table and the reason.
/// </summary>
public sealed class SqliteTableRebuilder(SqliteGenerator generator, ISqliteCatalog catalog)
{
    private const string TempPrefix = "_rebuild_";

    /// <summary>True when the expression may need a rebuild, so the migration must run with foreign keys off.</summary>
    public static bool MayRebuild(MigrationExpression expression) => expression switch
    {
        AlterColumnExpression or DeleteDefaultConstraintExpression or CreateForeignKeyExpression or DeleteForeignKeyExpression => true,
        CreateConstraintExpression e => e.Constraint.Kind != ConstraintKind.Unique,
        DeleteConstraintExpression e => e.Constraint.Kind != ConstraintKind.Unique,
        CreateColumnExpression e => !CanAddInPlace(e.Column),
        DeleteColumnExpression => true,
        _ => false,
    };

    /// <summary>SQLite's ADD COLUMN refuses keys, references, NOT NULL without a default, and non-constant defaults.</summary>
    public static bool CanAddInPlace(ColumnDefinition column) =>
        !column.IsPrimaryKey && !column.IsIdentity && column.ForeignKey is null && !column.ComputedStored &&
        column.Default?.Value is not (SystemMethods or RawSql) &&
        (column.EffectiveNullable || column.Default is { Value: not null });

    /// <summary>The statements for one expression, read against the live table.</summary>
    public IReadOnlyList<SqlStatement> Plan(MigrationExpression expression) => expression switch
    {
        AlterColumnExpression e => Rebuild(e.TableName, def => AlterColumn(def, e)),
        DeleteDefaultConstraintExpression e => Rebuild(e.TableName, def => ReplaceColumn(def, e.TableName, e.ColumnName, c => c.WithoutDefault())),
        CreateForeignKeyExpression e => Rebuild(e.ForeignKey.ForeignTable, def => AddConstraint(def, e.ForeignKey.ForeignTable, e.ForeignKey.EffectiveName, generator.ForeignKeyClause(e.ForeignKey))),
        DeleteForeignKeyExpression e => Rebuild(e.ForeignKey.ForeignTable, def => RemoveForeignKey(def, e.ForeignKey)),
        CreateConstraintExpression e => Rebuild(e.Constraint.TableName, def => AddConstraint(def, e.Constraint.TableName, e.Constraint.EffectiveName, ConstraintSql(e.Constraint))),
        DeleteConstraintExpression e => Rebuild(e.Constraint.TableName, def => RemoveConstraint(def, e.Constraint)),
        CreateColumnExpression e => Rebuild(e.TableName, def => AddColumn(def, e)),
        DeleteColumnExpression e => DeleteColumns(e),
        _ => throw new ArgumentException($"{expression.Describe()} does not need a table rebuild.", nameof(expression)),
    };

    private IReadOnlyList<SqlStatement> DeleteColumns(DeleteColumnExpression e)
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
            }, e.ColumnNames);
        }

        // SQLite's own DROP COLUMN refuses indexed columns; PostgreSQL drops such indexes with the column, so do the same.
        var statements = catalog.Indexes(e.TableName)
            .Where(index => catalog.IndexColumns(index.Name).Intersect(e.ColumnNames, StringComparer.OrdinalIgnoreCase).Any())
            .Select(index => (SqlStatement)$"DROP INDEX {Q(index.Name)}").ToList();
        statements.AddRange(e.ColumnNames.Select(c => (SqlStatement)$"ALTER TABLE {Q(e.TableName)} DROP COLUMN {Q(c)}"));
        return statements;
    }

    private void AlterColumn(SqliteTableDefinition def, AlterColumnExpression e)
    {
        var old = def.Column(e.Column.Name) ?? throw Fail(e.TableName, $"it has no column \"{e.Column.Name}\"");
        var merged = e.Column with
        {
            IsNullable = e.Column.IsNullable ?? !old.IsNotNull,
            Default = e.Column.Default ?? (old.DefaultText is { } text ? new ColumnDefault(new RawSql(text)) : null),
            IsIdentity = e.Column.IsIdentity || old.IsAutoIncrement,
            IsPrimaryKey = e.Column.IsPrimaryKey || old.IsAutoIncrement,
            ForeignKey = null,
        };
        var sql = generator.ColumnSql(e.TableName, merged, inCreateTable: true);
        if (old.IsPrimaryKey && !old.IsAutoIncrement)
        {
            sql += " PRIMARY KEY";
        }

        // Like nullability and default, a CHECK the alter does not state is kept (an enum type brings its own).
        if (e.Column.Check is null && e.Column.Type!.Kind != ColumnKind.Enum)
        {
            sql = string.Join(" ", [sql, .. old.CheckClauses]);
        }

        def.Columns[def.Columns.IndexOf(old)] = old with { Sql = sql };
        if (e.Column.ForeignKey is { } fk)
        {
            AddConstraint(def, e.TableName, fk.EffectiveName, generator.ForeignKeyClause(fk));
        }
    }

    private void AddColumn(SqliteTableDefinition def, CreateColumnExpression e)
    {
        if (def.Column(e.Column.Name) is not null)
        {
            throw Fail(e.TableName, $"it already has a column \"{e.Column.Name}\"");
        }

        var identity = e.Column.IsIdentity;
        def.Columns.Add(SqliteColumnItem.Parse(generator.ColumnSql(e.TableName, e.Column with { IsPrimaryKey = identity }, inCreateTable: true)));
        if (e.Column.IsPrimaryKey && !identity)
        {
            var name = e.Column.PrimaryKeyName ?? $"PK_{e.TableName}";
            AddConstraint(def, e.TableName, name, $"CONSTRAINT {Q(name)} PRIMARY KEY ({Q(e.Column.Name)})");
        }

        if (e.Column.ForeignKey is { } fk)
        {
            AddConstraint(def, e.TableName, fk.EffectiveName, generator.ForeignKeyClause(fk));
        }
    }

    private void ReplaceColumn(SqliteTableDefinition def, string table, string column, Func<SqliteColumnItem, SqliteColumnItem> change)
    {
        var old = def.Column(column) ?? throw Fail(table, $"it has no column \"{column}\"");
        def.Columns[def.Columns.IndexOf(old)] = change(old);
    }

    private void AddConstraint(SqliteTableDefinition def, string table, string name, string sql)
    {
        if (def.Constraints.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw Fail(table, $"it already has a constraint \"{name}\"");
        }

        var item = SqliteConstraintItem.Parse(sql);
        if (item.Kind == "PRIMARY" && (def.Constraints.Any(c => c.Kind == "PRIMARY") || def.Columns.Any(c => c.IsPrimaryKey)))
        {
            throw Fail(table, "it already has a primary key");
        }

        def.Constraints.Add(item);
    }

    private void RemoveForeignKey(SqliteTableDefinition def, ForeignKeyDefinition fk)
    {
        var match = def.Constraints.FirstOrDefault(c => c.Kind == "FOREIGN" && string.Equals(c.Name, fk.EffectiveName, StringComparison.OrdinalIgnoreCase))
            ?? def.Constraints.FirstOrDefault(c => c.Kind == "FOREIGN" && fk.ForeignColumns.Count > 0
                && c.Columns.SequenceEqual(fk.ForeignColumns, StringComparer.OrdinalIgnoreCase)
                && string.Equals(c.ReferencedTable, fk.PrimaryTable, StringComparison.OrdinalIgnoreCase))
            ?? throw Fail(fk.ForeignTable, $"it has no foreign key \"{fk.EffectiveName}\" (it has: {Names(def, "FOREIGN")})");
        def.Constraints.Remove(match);
    }

    private void RemoveConstraint(SqliteTableDefinition def, ConstraintDefinition constraint)
    {
        var kind = constraint.Kind == ConstraintKind.PrimaryKey ? "PRIMARY" : "CHECK";
        var match = def.Constraints.FirstOrDefault(c => c.Kind == kind && string.Equals(c.Name, constraint.EffectiveName, StringComparison.OrdinalIgnoreCase));
        if (match is null && kind == "PRIMARY" && def.Constraints.Count(c => c.Kind == "PRIMARY") == 1)
        {
            match = def.Constraints.Single(c => c.Kind == "PRIMARY");
        }

        def.Constraints.Remove(match ?? throw Fail(constraint.TableName, $"it has no {kind.ToLowerInvariant()} constraint \"{constraint.EffectiveName}\" (it has: {Names(def, kind)})"));
    }

    private string ConstraintSql(ConstraintDefinition c) => c.Kind == ConstraintKind.PrimaryKey
        ? $"CONSTRAINT {Q(c.EffectiveName)} PRIMARY KEY ({generator.ColumnList(c.Columns)})"
        : $"CONSTRAINT {Q(c.EffectiveName)} CHECK ({c.CheckExpression})";

    private IReadOnlyList<SqlStatement> Rebuild(string table, Action<SqliteTableDefinition> change, IReadOnlyList<string>? droppedColumns = null)
    {
        var oldDef = Read(table);
        var newDef = Read(table);
        change(newDef);
        var temp = TempPrefix + table;
        var copied = newDef.Columns.Where(c => !c.IsGenerated && oldDef.Column(c.Name) is { IsGenerated: false }).Select(c => Q(c.Name)).ToArray();
        var dropped = droppedColumns ?? [];
        var statements = new List<SqlStatement>
        {
            newDef.ToCreateSql(Q(temp)),
            $"INSERT INTO {Q(temp)} ({string.Join(", ", copied)}) SELECT {string.Join(", ", copied)} FROM {Q(table)}",
            $"DROP TABLE {Q(table)}",
            // Legacy mode keeps SQLite from rewriting or re-validating views and triggers that name the table.
            new SqlStatement("PRAGMA legacy_alter_table = ON") { IsControl = true },
            $"ALTER TABLE {Q(temp)} RENAME TO {Q(table)}",
            new SqlStatement("PRAGMA legacy_alter_table = OFF") { IsControl = true },
        };
        statements.AddRange(catalog.Indexes(table)
            .Where(index => !catalog.IndexColumns(index.Name).Intersect(dropped, StringComparer.OrdinalIgnoreCase).Any())
            .Select(index => (SqlStatement)index.Sql));
        statements.AddRange(catalog.Triggers(table).Select(sql => (SqlStatement)sql));
        return statements;
    }

    private SqliteTableDefinition Read(string table) =>
        SqliteTableDefinition.Parse(catalog.TableSql(table) ?? throw Fail(table, "the table does not exist"));

    private static string Names(SqliteTableDefinition def, string kind)
    {
        var names = def.Constraints.Where(c => c.Kind == kind).Select(c => c.Name ?? "(unnamed)").ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    private string Q(string identifier) => generator.Quoter.Quote(identifier);

    private static UnsupportedOperationException Fail(string table, string why) => new($"SQLite cannot rebuild table \"{table}\": {why}");
}
