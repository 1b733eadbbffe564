using System.Data;
using System.Globalization;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure.Extensions;
using FluentMigrator.Model;
using FluentMigrator.Runner;
using Migrations.Engine.Authoring;
using Migrations.Engine.Running;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// Bulk rows (<c>Insert.IntoTable(t).Bulk(columns, rows)</c>): one prepared INSERT, re-bound for
/// every row, in the migration's transaction. The statement log gets the prepared statement once,
/// or, when it keeps a script, each row as the literal INSERT a replay needs.
/// </summary>
public partial class SqliteProcessor
{
    private readonly BulkProgress _progress;

    private void BulkInsert(InsertDataExpression expression, BulkRows bulk)
    {
        EnsureTransactionStarted();
        var ifAbsent = expression.GetAdditionalFeature(MigrationFeatures.InsertIfAbsent, false);
        var names = bulk.Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sql = $"INSERT INTO {SqlGenerator.Quoter.QuoteTableName(expression.TableName)} ({SqlGenerator.ColumnList(bulk.Columns)}) " +
                  $"VALUES ({string.Join(", ", names)}){(ifAbsent ? " ON CONFLICT DO NOTHING" : "")}";
        if (!_log.Keep)
        {
            _log.Record(sql);
        }

        Logger.LogSql(sql);
        using var command = Options.PreviewOnly ? null : CreateCommand(sql);
        var parameters = names.Select(name =>
        {
            var parameter = command?.CreateParameter();
            if (parameter is not null)
            {
                parameter.ParameterName = name;
                command!.Parameters.Add(parameter);
            }

            return parameter;
        }).ToArray();
        command?.Prepare();

        long count = 0;
        foreach (var row in _progress.Track(expression.TableName, bulk.Rows()))
        {
            if (row.Length != names.Length)
            {
                throw new ArgumentException($"bulk row {count + 1} into {expression.TableName} has {row.Length} values for {names.Length} columns");
            }

            if (_log.Keep)
            {
                _log.Record(Literal(expression, bulk.Columns, row, ifAbsent));
            }

            if (command is not null)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i]!.Value = Bindable(row[i]);
                }

                try
                {
                    ReportingLockTimeout(() => command.ExecuteNonQuery());
                    if (RecordsLiteralRows)
                    {
                        Executed(Literal(expression, bulk.Columns, row, ifAbsent));
                    }
                }
                catch (Exception) when (!_log.Keep)
                {
                    // Name the row that failed, not only the prepared statement.
                    _log.Record(Literal(expression, bulk.Columns, row, ifAbsent));
                    throw;
                }
            }

            count++;
        }

        Logger.LogSay($"-> {count} rows into {expression.TableName}");
    }

    /// <summary>True when <see cref="Executed"/> must see each bulk row as a literal INSERT (it costs a generated statement per row).</summary>
    protected virtual bool RecordsLiteralRows => false;

    // Values as the generator writes them as literals: GUIDs and offsets as TEXT (Microsoft.Data.Sqlite would bind a GUID as a BLOB).
    private static object Bindable(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString("D"),
        DateTimeOffset offset => offset.ToString(SqliteQuoter.DateTimeOffsetFormat, CultureInfo.InvariantCulture),
        _ => value,
    };

    private string Literal(InsertDataExpression expression, IReadOnlyList<string> columns, object?[] row, bool ifAbsent)
    {
        var single = new InsertDataExpression { SchemaName = expression.SchemaName, TableName = expression.TableName };
        var data = new InsertionDataDefinition();
        data.AddRange(columns.Select((c, i) => new KeyValuePair<string, object>(c, row[i]!)));
        single.Rows.Add(data);
        if (ifAbsent)
        {
            single.AdditionalFeatures[MigrationFeatures.InsertIfAbsent] = true;
        }

        return SqlGenerator.Generate(single);
    }
}
