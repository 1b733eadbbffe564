using System.Data.Common;
using System.Globalization;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Generation;
using FluentMigrator.Model;
using FluentMigrator.Runner.Generators.Base;
using Migrations.Engine.Authoring;
using Migrations.Engine.Planning;
using Migrations.Engine.Providers;

namespace Migrations.Engine.Guard;

/// <summary>
/// Before the first change of a run: measures, on the live database, what each step would
/// destroy (rows of a dropped table, non-null values of a dropped column, rows a delete matches,
/// the values a type change would alter), and lists migrations marked <see cref="LosesDataOnRollbackAttribute"/>
/// on the way down, and the rows of other tables a dropped table's rows hold up (<see cref="ChildRows"/>).
/// One guard measures one run's steps in order: a child table an earlier step drops is that step's
/// loss. Names and values are quoted by the provider's own quoter.
/// </summary>
public sealed class DataLossGuard(DbConnection connection, IDatabaseProvider provider, IMigrationGenerator generator, string? defaultSchema)
{
    private readonly IQuoter _quoter = (generator as GeneratorBase)?.Quoter
        ?? throw new ArgumentException($"the data-loss guard quotes through FluentMigrator's generator, not {generator.GetType().Name}", nameof(generator));

    private readonly HashSet<(string? Schema, string Table)> _dropped = [];

    private readonly List<string> _blockers = [];

    /// <summary>For a script: every rule a dropped table's keys call for, also where no row needs it on this copy (see <see cref="ChildRows"/>).</summary>
    public bool ScriptsEveryRule { get; init; }

    private ChildRows Children => new(connection, _quoter, defaultSchema, ScriptsEveryRule);

    public async Task<IReadOnlyList<string>> MeasureAsync(MigrationInfo migration, IReadOnlyList<IMigrationExpression> expressions, bool up, CancellationToken cancellationToken)
    {
        var losses = new List<string>();
        foreach (var (probe, changedValues) in Measurable(expressions))
        {
            var count = await CountAsync(probe, changedValues, cancellationToken);
            if (count > 0)
            {
                losses.Add($"{migration.Name} would {probe.What}: {Amount(probe, count)}");
            }
        }

        losses.AddRange(await MeasureChildrenAsync(migration, expressions, cancellationToken));

        if (!up && migration.Type.GetCustomAttributes(typeof(LosesDataOnRollbackAttribute), false) is [LosesDataOnRollbackAttribute marked])
        {
            losses.Add($"{migration.Name} loses data on rollback by design: {marked.Reason}");
        }

        return losses;
    }

    /// <summary>
    /// The child rows of the tables this step drops, as losses (part of <see cref="MeasureAsync"/>;
    /// on its own, with data loss allowed, to find <see cref="Blockers"/>), in the run's order.
    /// </summary>
    public async Task<IReadOnlyList<string>> MeasureChildrenAsync(MigrationInfo migration, IReadOnlyList<IMigrationExpression> expressions, CancellationToken cancellationToken)
    {
        var drops = Measurable(expressions).Where(m => m.Probe.DropsTable).Select(m => Children.Key(Schema(m.Probe), m.Probe.TableName)).ToArray();
        _dropped.UnionWith(drops);
        var losses = new List<string>();
        foreach (var effect in await ChildEffectsAsync(drops, _dropped, expressions, cancellationToken))
        {
            losses.Add($"{migration.Name} would {effect.What}: {effect.Rows} row(s)");
            if (effect.Blocks)
            {
                _blockers.Add(losses[^1]);
            }
        }

        return losses;
    }

    /// <summary>
    /// Losses of the steps measured so far that no permission makes possible: rows whose key forbids
    /// their parent's drop (NO ACTION, RESTRICT), which would be left pointing at nothing.
    /// </summary>
    public IReadOnlyList<string> Blockers => _blockers;

    /// <summary>
    /// What the step's own drops do, now, to the rows of tables it keeps that reference them, in the
    /// order the rules' statements must run (see <see cref="ChildRows"/>).
    /// </summary>
    public async Task<IReadOnlyList<ChildEffect>> ChildEffectsAsync(IReadOnlyList<IMigrationExpression> expressions, CancellationToken cancellationToken)
    {
        var drops = Measurable(expressions).Where(m => m.Probe.DropsTable).Select(m => Children.Key(Schema(m.Probe), m.Probe.TableName)).ToArray();
        return await ChildEffectsAsync(drops, drops.ToHashSet(), expressions, cancellationToken);
    }

    private async Task<IReadOnlyList<ChildEffect>> ChildEffectsAsync(IEnumerable<(string? Schema, string Table)> drops,
        IReadOnlySet<(string? Schema, string Table)> dropped, IReadOnlyList<IMigrationExpression> expressions, CancellationToken cancellationToken)
    {
        var effects = new List<ChildEffect>();
        foreach (var table in drops.Distinct())
        {
            if (await ExistsAsync(table.Schema, table.Table, null, cancellationToken))
            {
                effects.AddRange(await Children.MeasureAsync(table, dropped, expressions, cancellationToken));
            }
        }

        return effects;
    }

    /// <summary>
    /// What one migration's expressions would destroy, unmeasured (a script marks these). A type change
    /// counts only where the provider would alter values; rows or values of a table the same migration
    /// drops are counted once, by the drop (an auto-reversed insert deletes its rows, then the table).
    /// </summary>
    public IReadOnlyList<DataLossProbe> Destructive(IReadOnlyList<IMigrationExpression> expressions) =>
        Measurable(expressions).Select(m => m.Probe).ToArray();

    private static string Amount(DataLossProbe probe, long count) =>
        probe.TypeChange is not null ? $"{count} value(s) would change"
        : probe.ColumnName is null ? $"{count} row(s)"
        : $"{count} value(s)";

    /// <summary>The probes of <see cref="Destructive"/>, each type change with the provider's condition on the values it alters.</summary>
    private IReadOnlyList<(DataLossProbe Probe, string? ChangedValues)> Measurable(IReadOnlyList<IMigrationExpression> expressions)
    {
        var probes = expressions.SelectMany(DataLossProbes.Of)
            .Select(p => (Probe: p, ChangedValues: p.TypeChange is { } change ? provider.ChangedValues(connection, change, generator) : null))
            .Where(m => m.Probe.TypeChange is null || m.ChangedValues is not null)
            .ToArray();
        var dropped = probes.Where(m => m.Probe.DropsTable).Select(m => Table(m.Probe)).ToHashSet();
        return probes.Where(m => m.Probe.DropsTable || !dropped.Contains(Table(m.Probe))).ToArray();
    }

    private (string? Schema, string Table) Table(DataLossProbe probe) => (Schema(probe), probe.TableName);

    // SQLite has no schemas: its quoter drops them, and so does the guard.
    private string? Schema(DataLossProbe probe) => defaultSchema is null ? null : string.IsNullOrEmpty(probe.SchemaName) ? defaultSchema : probe.SchemaName;

    /// <summary>
    /// Rows (or non-null values, or the values a type change alters) a probe would destroy now; 0
    /// when its table or column does not exist.
    /// </summary>
    private async Task<long> CountAsync(DataLossProbe probe, string? changedValues, CancellationToken cancellationToken)
    {
        var schema = Schema(probe);
        if (!await ExistsAsync(schema, probe.TableName, probe.ColumnName, cancellationToken))
        {
            return 0;
        }

        var condition = changedValues is not null ? $" WHERE {changedValues}"
            : probe.ColumnName is { } column ? $" WHERE {_quoter.QuoteColumnName(column)} IS NOT NULL"
            : probe.Rows is { } rows ? $" WHERE {string.Join(" OR ", rows.Select(Matches))}"
            : "";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {_quoter.QuoteTableName(probe.TableName, schema)}{condition}";
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (DbException ex) when (changedValues is not null && ex.SqlState?.StartsWith("22", StringComparison.Ordinal) == true)
        {
            // A value the new type cannot hold at all (out of range, NaN to an integer): the ALTER fails on it too and rolls back.
            return 0;
        }
    }

    /// <summary>One row of a delete, as FluentMigrator's generator matches it: every pair equal, NULL by IS NULL.</summary>
    private string Matches(DeletionDataDefinition row) => row.Count == 0
        ? "1 = 1"
        : "(" + string.Join(" AND ", row.Select(pair => pair.Value is null
            ? $"{_quoter.QuoteColumnName(pair.Key)} IS NULL"
            : $"{_quoter.QuoteColumnName(pair.Key)} = {_quoter.QuoteValue(pair.Value)}")) + ")";

    private async Task<bool> ExistsAsync(string? schema, string table, string? column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();

        // SQLite names are case-insensitive, so a raw "DROP TABLE Archive" finds "archive".
        command.CommandText = (schema, column) switch
        {
            (null, null) => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table COLLATE NOCASE",
            (null, _) => "SELECT count(*) FROM pragma_table_info(@table) WHERE name = @column COLLATE NOCASE",
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
