using System.Data.Common;
using System.Globalization;
using FluentMigrator.Expressions;
using Migrations.Engine.Authoring;
using Migrations.Engine.Planning;

namespace Migrations.Engine.Guard;

/// <summary>
/// Before the first change of a run: measures, on the live database, what each step would
/// destroy (rows of a dropped table, non-null values of a dropped column, rows a delete matches),
/// and lists migrations marked <see cref="LosesDataOnRollbackAttribute"/> on the way down.
/// </summary>
public sealed class DataLossGuard(DbConnection connection, string? defaultSchema)
{
    public async Task<IReadOnlyList<string>> MeasureAsync(MigrationInfo migration, IReadOnlyList<IMigrationExpression> expressions, bool up, CancellationToken cancellationToken)
    {
        var losses = new List<string>();
        foreach (var probe in expressions.SelectMany(DataLossProbes.Of))
        {
            var count = await CountAsync(probe, cancellationToken);
            if (count > 0)
            {
                losses.Add($"{migration.Name} would {probe.What}: {count} {(probe.ColumnName is null ? "row(s)" : "value(s)")}");
            }
        }

        if (!up && migration.Type.GetCustomAttributes(typeof(LosesDataOnRollbackAttribute), false) is [LosesDataOnRollbackAttribute marked])
        {
            losses.Add($"{migration.Name} loses data on rollback by design: {marked.Reason}");
        }

        return losses;
    }

    /// <summary>Rows (or non-null values) a probe would destroy now; 0 when its table or column does not exist.</summary>
    private async Task<long> CountAsync(DataLossProbe probe, CancellationToken cancellationToken)
    {
        var schema = string.IsNullOrEmpty(probe.SchemaName) ? defaultSchema : probe.SchemaName;
        if (!await ExistsAsync(schema, probe.TableName, probe.ColumnName, cancellationToken))
        {
            return 0;
        }

        var table = schema is null ? Sql.Quote(probe.TableName) : $"{Sql.Quote(schema)}.{Sql.Quote(probe.TableName)}";
        var condition = probe.ColumnName is { } column ? $" WHERE {Sql.Quote(column)} IS NOT NULL"
            : probe.Where is { } where ? $" WHERE {where}"
            : "";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}{condition}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<bool> ExistsAsync(string? schema, string table, string? column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = (schema, column) switch
        {
            (null, null) => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table",
            (null, _) => "SELECT count(*) FROM pragma_table_info(@table) WHERE name = @column",
            (_, null) => "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table",
            _ => "SELECT count(*) FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table AND column_name = @column",
        };
        Add(command, "table", table);
        Add(command, "schema", schema);
        Add(command, "column", column);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static void Add(DbCommand command, string name, string? value)
    {
        if (value is null || !command.CommandText.Contains("@" + name, StringComparison.Ordinal))
        {
            return;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
