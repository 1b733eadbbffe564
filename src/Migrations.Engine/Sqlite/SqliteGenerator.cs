using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure.Extensions;
using FluentMigrator.Model;
using FluentMigrator.Postgres;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Generators.SQLite;
using Microsoft.Extensions.Options;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// FluentMigrator's SQLite generator, writing what our authoring extensions store and the schema
/// the old engine wrote: CHECKs and enum CHECKs on columns, partial indexes, insert-if-absent,
/// RESTRICT rules, PostgreSQL type names mapped to SQLite storage classes, and <c>Unique()</c> as
/// the unique index alone (FluentMigrator also writes an inline UNIQUE, #1851). FluentMigrator's
/// own column writer does the rest: each column is handed to it as a prepared clone
/// (<see cref="SqliteColumnPreparer"/>). What SQLite cannot alter in place the processor rebuilds;
/// asked here, FluentMigrator's refusal stands.
/// </summary>
public class SqliteGenerator : SQLiteGenerator
{
    private readonly HashSet<ForeignKeyDefinition> _inlined = new(ReferenceEqualityComparer.Instance);

    public SqliteGenerator(ISQLiteTypeMap typeMap, IOptions<GeneratorOptions> options)
        : this(new SqliteQuoter(), typeMap, options)
    {
    }

    private SqliteGenerator(SqliteQuoter quoter, ISQLiteTypeMap typeMap, IOptions<GeneratorOptions> options)
        : base(quoter, typeMap, options)
    {
        Columns = new SqliteColumnPreparer(quoter, typeMap);
    }

    /// <summary>Turns column definitions into the clones FluentMigrator's column writer is given.</summary>
    public SqliteColumnPreparer Columns { get; }

    public override bool IsAdditionalFeatureSupported(string feature) =>
        feature is MigrationFeatures.ColumnCheck or MigrationFeatures.EnumColumn or MigrationFeatures.InsertIfAbsent
            or MigrationFeatures.BulkRows or PostgresExtensions.IndexFilter
        || base.IsAdditionalFeatureSupported(feature);

    public override string Generate(CreateTableExpression expression)
    {
        var prepared = new CreateTableExpression
        {
            SchemaName = expression.SchemaName,
            TableName = expression.TableName,
            TableDescription = expression.TableDescription,
            Columns = expression.Columns.Select(Columns.ForCreateTable).ToList(),
        };
        var sql = base.Generate(prepared);
        var foreignKeys = expression.Columns.Where(c => c.IsForeignKey && c.ForeignKey is not null).Select(c => c.ForeignKey).ToList();
        if (sql.Length == 0 || foreignKeys.Count == 0)
        {
            return sql;
        }

        // Table constraints go after the columns and the primary key, where FluentMigrator puts them.
        foreach (var foreignKey in foreignKeys)
        {
            _inlined.Add(foreignKey);
        }

        var close = sql.LastIndexOf(')');
        return sql[..close] + ", " + string.Join(", ", foreignKeys.Select(ForeignKeyClause)) + sql[close..];
    }

    public override string Generate(CreateColumnExpression expression) =>
        base.Generate(new CreateColumnExpression
        {
            SchemaName = expression.SchemaName,
            TableName = expression.TableName,
            Column = Columns.ForAddColumn(expression.Column),
        });

    public override string Generate(CreateIndexExpression expression)
    {
        var sql = base.Generate(expression);
        var filter = expression.Index.GetAdditionalFeature<string>(PostgresExtensions.IndexFilter);
        return string.IsNullOrWhiteSpace(filter) ? sql : BeforeEnd(sql, " WHERE " + filter);
    }

    /// <summary>Insert-if-absent is <c>ON CONFLICT DO NOTHING</c>: like PostgreSQL it skips only rows that collide on a unique key.</summary>
    public override string Generate(InsertDataExpression expression)
    {
        if (!expression.GetAdditionalFeature(MigrationFeatures.InsertIfAbsent, false))
        {
            return base.Generate(expression);
        }

        return string.Concat(expression.Rows.Select(row =>
        {
            var single = new InsertDataExpression { SchemaName = expression.SchemaName, TableName = expression.TableName };
            single.Rows.Add(row);
            return BeforeEnd(base.Generate(single), " ON CONFLICT DO NOTHING");
        }));
    }

    // A foreign key written inside CREATE TABLE (or by a rebuild) needs nothing more.
    public override string Generate(CreateForeignKeyExpression expression) =>
        IsInlined(expression.ForeignKey) ? string.Empty : base.Generate(expression);

    public override string Generate(CreateSchemaExpression expression) =>
        CompatibilityMode.HandleCompatibility($"SQLite has no schemas: wrap Create.Schema(\"{expression.SchemaName}\") in IfDatabase(\"postgres\")");

    public override string Generate(DeleteSchemaExpression expression) =>
        CompatibilityMode.HandleCompatibility($"SQLite has no schemas: wrap Delete.Schema(\"{expression.SchemaName}\") in IfDatabase(\"postgres\")");

    /// <summary>One column as a rebuilt CREATE TABLE writes it (see <see cref="SqliteColumnPreparer.ForRebuild"/>).</summary>
    public string ColumnSql(ColumnDefinition column, IReadOnlyList<string>? keptChecks = null, string? keptDefault = null) =>
        Column.Generate(Columns.ForRebuild(column, keptChecks, keptDefault));

    /// <summary>A foreign key as a table constraint: <c>CONSTRAINT "FK" FOREIGN KEY (...) REFERENCES "p" (...) [ON DELETE ...] [ON UPDATE ...]</c>.</summary>
    public string ForeignKeyClause(ForeignKeyDefinition foreignKey)
    {
        // SQLite references a table of the same database: the referenced schema is dropped, as FluentMigrator does.
        var name = string.IsNullOrEmpty(foreignKey.Name) ? Column.GenerateForeignKeyName(foreignKey) : foreignKey.Name;
        return $"CONSTRAINT {Quoter.QuoteConstraintName(name)} FOREIGN KEY ({ColumnList(foreignKey.ForeignColumns)}) " +
               $"REFERENCES {Quoter.QuoteTableName(foreignKey.PrimaryTable)} ({ColumnList(foreignKey.PrimaryColumns)})" +
               RuleSql("DELETE", foreignKey.OnDelete, ForeignKeyRuleExtensions.IsRestrict(foreignKey, onDelete: true)) +
               RuleSql("UPDATE", foreignKey.OnUpdate, ForeignKeyRuleExtensions.IsRestrict(foreignKey, onDelete: false));
    }

    /// <summary>A default's value as SQLite wants it: expressions in parentheses, literals as they are.</summary>
    public string DefaultSql(object value) => Quoter.QuoteValue(SqliteColumnPreparer.Parenthesized(value));

    public string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quoter.QuoteColumnName));

    /// <summary>Whether a foreign key was already written into a table (by CREATE TABLE or a rebuild).</summary>
    public bool IsInlined(ForeignKeyDefinition foreignKey) =>
        _inlined.Contains(foreignKey) || foreignKey.Name?.StartsWith("$$IGNORE$$_", StringComparison.Ordinal) == true;

    /// <summary>Records that a rebuild wrote this foreign key into its table, so its own expression adds nothing.</summary>
    public void MarkInlined(ForeignKeyDefinition foreignKey) => _inlined.Add(foreignKey);

    private static string RuleSql(string onWhat, System.Data.Rule rule, bool restrict) => rule switch
    {
        System.Data.Rule.Cascade => $" ON {onWhat} CASCADE",
        System.Data.Rule.SetNull => $" ON {onWhat} SET NULL",
        System.Data.Rule.SetDefault => $" ON {onWhat} SET DEFAULT",
        _ => restrict ? $" ON {onWhat} RESTRICT" : "",
    };

    // FluentMigrator ends each statement with ';'; a clause goes before it.
    private static string BeforeEnd(string sql, string clause) =>
        sql.EndsWith(';') ? sql[..^1] + clause + ";" : sql + clause;
}
