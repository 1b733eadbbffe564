using System.Data;
using System.Globalization;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using FluentMigrator.Postgres;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.Generators.Postgres;
using Microsoft.Extensions.Options;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Postgres;

/// <summary>
/// FluentMigrator's PostgreSQL 15 generator, with the features our authoring extensions store and
/// the few places where FluentMigrator's SQL would give our databases a different schema than the
/// engine that built them (identity generation, <c>timestamptz(p)</c>, a primary key on an added
/// column, comments, <c>gen_random_uuid()</c>). Everything else is FluentMigrator's own SQL.
/// </summary>
public sealed partial class PostgresGenerator : Postgres15_0Generator
{
    private static readonly HashSet<string> OurFeatures =
        [MigrationFeatures.ColumnCheck, MigrationFeatures.EnumColumn, MigrationFeatures.InsertIfAbsent, MigrationFeatures.BulkRows];

    private readonly IPostgresTypeMap _typeMap;

    public PostgresGenerator(PostgresQuoter quoter, IOptions<GeneratorOptions> options, IPostgresTypeMap typeMap)
        : base(new PostgresLiteralQuoter(quoter.Options), options, typeMap)
    {
        _typeMap = typeMap;
    }

    /// <summary>Our additional features are ours to write, so FluentMigrator's strict mode must not refuse them.</summary>
    public override bool IsAdditionalFeatureSupported(string feature) => OurFeatures.Contains(feature) || base.IsAdditionalFeatureSupported(feature);

    /// <summary>The column's type as this generator writes it (what an ALTER ... TYPE asks for), or null when the column names none.</summary>
    public string? TypeSql(ColumnDefinition column)
    {
        if (column.AdditionalFeatures.TryGetValue(MigrationFeatures.EnumColumn, out var feature) && feature is EnumColumn enumType)
        {
            // AsEnum names the type as the migration wrote it; without a schema that is public, as Create.Enum makes it, not search_path's first schema.
            return Quoter.QuoteTableName(enumType.TypeName, enumType.SchemaName);
        }

        if (column.Type is not { } type)
        {
            return string.IsNullOrWhiteSpace(column.CustomType) ? null : column.CustomType;
        }

        // FluentMigrator keeps AsDateTimeOffset(p)'s precision as Size and its type map has no sized timestamptz.
        if (type == DbType.DateTimeOffset && column.Size is { } precision)
        {
            return precision is >= 0 and <= 6
                ? string.Create(CultureInfo.InvariantCulture, $"timestamptz({precision})")
                : throw new ArgumentOutOfRangeException(nameof(column), $"column \"{column.Name}\": timestamptz precision {precision} is outside 0 to 6");
        }

        return _typeMap.GetTypeMap(type, column.Size, column.Precision);
    }

    public override string Generate(CreateTableExpression expression) => string.Concat(Statements(expression));

    public override string Generate(CreateColumnExpression expression) => string.Concat(Statements(expression));

    public override string Generate(AlterColumnExpression expression) => string.Concat(Statements(expression));

    /// <summary>CREATE TABLE, then the comments on the table and its columns.</summary>
    public IReadOnlyList<string> Statements(CreateTableExpression expression)
    {
        // Clones, so FluentMigrator's column writer (which clears IsPrimaryKey as it goes) leaves the migration's own definitions alone.
        var table = new CreateTableExpression
        {
            SchemaName = expression.SchemaName,
            TableName = expression.TableName,
            TableDescription = expression.TableDescription,
            Columns = expression.Columns.Select(ForCreate).ToList(),
        };
        var statements = new List<string> { base.Generate(table) };
        AddComment(statements, "TABLE", expression.SchemaName, expression.TableName, null, expression.TableDescription);
        foreach (var column in expression.Columns)
        {
            AddComment(statements, "COLUMN", expression.SchemaName, expression.TableName, column.Name, column.ColumnDescription);
        }

        return statements;
    }

    /// <summary>ADD column, its primary key, its comment.</summary>
    public IReadOnlyList<string> Statements(CreateColumnExpression expression)
    {
        var column = new CreateColumnExpression
        {
            SchemaName = expression.SchemaName,
            TableName = expression.TableName,
            Column = ForCreate(expression.Column),
        };
        var statements = new List<string> { base.Generate(column) };

        // FluentMigrator's PostgreSQL column writer drops PrimaryKey() on an added column; the old engine made it a constraint.
        if (expression.Column.IsPrimaryKey)
        {
            var primaryKey = new ConstraintDefinition(ConstraintType.PrimaryKey)
            {
                SchemaName = expression.SchemaName,
                TableName = expression.TableName,
                ConstraintName = string.IsNullOrEmpty(expression.Column.PrimaryKeyName) ? "PK_" + expression.TableName : expression.Column.PrimaryKeyName,
                Columns = { expression.Column.Name },
            };
            statements.Add(Generate(new CreateConstraintExpression(ConstraintType.PrimaryKey) { Constraint = primaryKey }));
        }

        AddComment(statements, "COLUMN", expression.SchemaName, expression.TableName, expression.Column.Name, expression.Column.ColumnDescription);
        return statements;
    }

    /// <summary>FluentMigrator's ALTER (type, nullability, comment), then the column's CHECK when one is stated.</summary>
    public IReadOnlyList<string> Statements(AlterColumnExpression expression)
    {
        var column = (ColumnDefinition)expression.Column.Clone();
        if ((column.Type == DbType.DateTimeOffset && column.Size is not null) || column.AdditionalFeatures.ContainsKey(MigrationFeatures.EnumColumn))
        {
            column.CustomType = TypeSql(column);
            column.Type = null;
        }

        var statements = new List<string> { base.Generate(new AlterColumnExpression { SchemaName = expression.SchemaName, TableName = expression.TableName, Column = column }) };
        if (expression.Column.AdditionalFeatures.TryGetValue(MigrationFeatures.ColumnCheck, out var check) && check is string checkSql)
        {
            statements.AddRange(ReplaceColumnChecks(expression.SchemaName, expression.TableName, expression.Column.Name, checkSql));
        }

        return statements;
    }

    public override string Generate(DeleteTableExpression expression) =>
        // FluentMigrator drops the schema from DROP TABLE IF EXISTS, which would drop a public table of the same name.
        expression.IfExists && !string.IsNullOrEmpty(expression.SchemaName)
            ? FormatStatement(DropTableIfExists, Quoter.QuoteTableName(expression.TableName, expression.SchemaName))
            : base.Generate(expression);

    /// <summary>
    /// FluentMigrator 8.0.1 writes no comments for a new table or column on PostgreSQL (its alter
    /// path prefixes them with "Description:"); the old engine wrote the description as it is.
    /// </summary>
    private void AddComment(List<string> statements, string kind, string? schema, string table, string? column, string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return;
        }

        var target = Quoter.QuoteTableName(table, schema) + (column is null ? "" : "." + Quoter.QuoteColumnName(column));
        statements.Add(FormatStatement("COMMENT ON {0} {1} IS {2}", kind, target, Quoter.QuoteValue(description)));
    }

    /// <summary>
    /// A column as CREATE TABLE and ADD COLUMN write it. What FluentMigrator's column writer cannot
    /// express goes into the type position, which PostgreSQL accepts because column constraints may
    /// come in any order: a CHECK (named &lt;table&gt;_&lt;column&gt;_check by PostgreSQL, as before), identity
    /// BY DEFAULT unless the migration asked for ALWAYS (the old engine's, so explicit ids still insert),
    /// and a timestamptz precision.
    /// </summary>
    private ColumnDefinition ForCreate(ColumnDefinition column)
    {
        var clone = (ColumnDefinition)column.Clone();
        var extra = new List<string>();
        if (column.IsIdentity && !column.AdditionalFeatures.ContainsKey(PostgresExtensions.IdentityGeneration))
        {
            extra.Add("GENERATED BY DEFAULT AS IDENTITY");
            clone.IsIdentity = false;
        }

        if (column.AdditionalFeatures.TryGetValue(MigrationFeatures.ColumnCheck, out var check) && check is string checkSql)
        {
            extra.Add($"CHECK ({checkSql})");
        }

        var sizedTimestamp = column.Type == DbType.DateTimeOffset && column.Size is not null;
        if (extra.Count == 0 && !sizedTimestamp && !column.AdditionalFeatures.ContainsKey(MigrationFeatures.EnumColumn))
        {
            return clone;
        }

        clone.CustomType = string.Join(' ', extra.Prepend(TypeSql(column) ?? throw new InvalidOperationException($"column \"{column.Name}\" has no type")));
        clone.Type = null;
        return clone;
    }
}
