using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.Postgres;

// Rows and the statements that come in lists: FluentMigrator's SQL, one statement each, so the
// processor records (and a failure names) each one; ON CONFLICT DO NOTHING for insert-if-absent.
public sealed partial class PostgresGenerator
{
    public override string Generate(InsertDataExpression expression) => string.Concat(Statements(expression));

    /// <summary>
    /// One INSERT per row, each as FluentMigrator writes it; with <c>OnConflictDoNothing()</c> a row
    /// that collides with an existing one on any unique key is skipped, so a seed can run again.
    /// The processor runs them one by one, so a failure names its row.
    /// </summary>
    public IEnumerable<string> Statements(InsertDataExpression expression)
    {
        var ifAbsent = IsInsertIfAbsent(expression);
        foreach (var row in expression.Rows)
        {
            var single = new InsertDataExpression { SchemaName = expression.SchemaName, TableName = expression.TableName };
            foreach (var feature in expression.AdditionalFeatures)
            {
                single.AdditionalFeatures[feature.Key] = feature.Value;
            }

            single.Rows.Add(row);
            var sql = base.Generate(single);
            yield return ifAbsent ? sql.TrimEnd().TrimEnd(';') + " ON CONFLICT DO NOTHING;" : sql;
        }
    }

    public override string Generate(DeleteDataExpression expression) => string.Concat(Statements(expression));

    public override string Generate(DeleteColumnExpression expression) => string.Concat(Statements(expression));

    /// <summary>One DELETE per row (or one for all rows), each as FluentMigrator writes it.</summary>
    public IEnumerable<string> Statements(DeleteDataExpression expression)
    {
        if (expression.IsAllRows || expression.Rows.Count <= 1)
        {
            yield return base.Generate(expression);
            yield break;
        }

        foreach (var row in expression.Rows)
        {
            var single = new DeleteDataExpression { SchemaName = expression.SchemaName, TableName = expression.TableName };
            single.Rows.Add(row);
            yield return base.Generate(single);
        }
    }

    /// <summary>One DROP COLUMN per column, each as FluentMigrator writes it.</summary>
    public IEnumerable<string> Statements(DeleteColumnExpression expression) =>
        expression.ColumnNames.Select(name => base.Generate(new DeleteColumnExpression
        {
            SchemaName = expression.SchemaName,
            TableName = expression.TableName,
            ColumnNames = [name],
        }));

    /// <summary><c>COPY "public"."t" ("a", "b") FROM STDIN (FORMAT binary)</c>: what Npgsql's binary import sends.</summary>
    public string CopyFromStdin(string? schema, string table, IEnumerable<string> columns) =>
        $"COPY {Quoter.QuoteTableName(table, schema)} ({ColumnNames(columns)}) FROM STDIN (FORMAT binary)";

    /// <summary>A session-local table with the target's column types and no constraints, for rows merged by ON CONFLICT.</summary>
    public string CreateStagingTable(string staging, string? schema, string table, IEnumerable<string> columns) =>
        FormatStatement("CREATE TEMP TABLE {0} AS SELECT {1} FROM {2} WITH NO DATA", Quoter.Quote(staging), ColumnNames(columns), Quoter.QuoteTableName(table, schema));

    /// <summary><c>INSERT INTO t (cols) SELECT cols FROM staging ON CONFLICT DO NOTHING;</c>, with FluentMigrator's OVERRIDING clause when asked for.</summary>
    public string InsertFromStaging(InsertDataExpression expression, string staging, IEnumerable<string> columns)
    {
        var names = ColumnNames(columns);
        return FormatStatement(
            "INSERT INTO {0} ({1}){2} SELECT {1} FROM pg_temp.{3} ON CONFLICT DO NOTHING",
            Quoter.QuoteTableName(expression.TableName, expression.SchemaName), names, GetOverridingIdentityValuesString(expression), Quoter.Quote(staging));
    }

    /// <summary>
    /// <c>INSERT INTO t (cols) VALUES (...), (...)</c> of rows already written as literals, with
    /// FluentMigrator's OVERRIDING clause when asked for and ON CONFLICT DO NOTHING for insert-if-absent.
    /// </summary>
    public string InsertValues(InsertDataExpression expression, IEnumerable<string> columns, IEnumerable<IReadOnlyList<string>> literalRows) =>
        FormatStatement("INSERT INTO {0} ({1}){2} VALUES {3}{4}",
            Quoter.QuoteTableName(expression.TableName, expression.SchemaName), ColumnNames(columns), GetOverridingIdentityValuesString(expression),
            string.Join(",\n  ", literalRows.Select(row => "(" + string.Join(", ", row) + ")")),
            IsInsertIfAbsent(expression) ? " ON CONFLICT DO NOTHING" : "");

    public string DropStagingTable(string staging) => FormatStatement("DROP TABLE pg_temp.{0}", Quoter.Quote(staging));

    private string ColumnNames(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quoter.QuoteColumnName));

    internal static bool IsInsertIfAbsent(ISupportAdditionalFeatures expression) =>
        expression.AdditionalFeatures.TryGetValue(MigrationFeatures.InsertIfAbsent, out var value) && value is true;
}
