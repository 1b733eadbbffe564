using System.Globalization;
using FluentMigrator.Expressions;
using FluentMigrator.Runner.Generators.SQLite;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.SQLite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Engine.Journal;
using Migrations.Engine.Running;
using Migrations.Engine.Sqlite;

namespace Migrations.Engine.D1;

/// <summary>
/// Our SQLite processor run against the D1 working copy. Each migration runs there first, in its
/// transaction, as on any SQLite file; every statement it executed (its journal row included) is
/// kept, and before the copy commits, the batch goes to <see cref="ID1BatchSink"/> (D1 through
/// wrangler, or a script). A batch D1 refuses throws, so the copy rolls back too. Foreign keys
/// stay on, as D1 keeps them, and rebuilds set child rows aside (<see cref="D1ChildRows"/>), so the
/// copy proves on the spot that the batch keeps them.
/// </summary>
public sealed class D1Processor : SqliteProcessor
{
    private readonly ID1BatchSink _sink;
    private readonly List<string> _statements = [];
    private (long Version, string? Description, bool Up)? _journal;
    private bool _rebuilt;

    public D1Processor(
        SQLiteDbFactory factory,
        SQLiteGenerator generator,
        ILogger<SQLiteProcessor> logger,
        IOptionsSnapshot<ProcessorOptions> options,
        IConnectionStringAccessor connectionStringAccessor,
        IServiceProvider serviceProvider,
        StatementLog log,
        SqliteRebuildAdvisor advisor,
        RunningStatement running,
        BulkProgress progress,
        ID1BatchSink sink)
        : base(factory, generator, logger, options, connectionStringAccessor, serviceProvider, log, advisor, running, progress)
    {
        _sink = sink;
    }

    protected override bool RebuildsWithForeignKeysOn => true;

    protected override bool RecordsLiteralRows => true;

    public override void BeginTransaction()
    {
        Reset();
        base.BeginTransaction();
    }

    public override void RollbackTransaction()
    {
        Reset();
        base.RollbackTransaction();
    }

    public override void Process(InsertDataExpression expression)
    {
        base.Process(expression);
        if (IsJournal(expression.TableName) && JournalValues(expression.Rows.SelectMany(r => r)) is { } row)
        {
            _journal = (row.Version, row.Description, Up: true);
        }
    }

    public override void Process(DeleteDataExpression expression)
    {
        // The row's description names wrangler's row; read it before the row goes.
        var version = IsJournal(expression.TableName) ? JournalValues(expression.Rows.SelectMany(r => r))?.Version : null;
        var description = version is { } v
            ? Query($"SELECT \"Description\" FROM \"{JournalTableMetaData.Table}\" WHERE \"Version\" = @p0", v).FirstOrDefault()?[0] as string
            : null;
        base.Process(expression);
        if (version is { } deleted)
        {
            _journal = (deleted, description, Up: false);
        }
    }

    public override void Process(PerformDBOperationExpression expression) =>
        throw new NotSupportedException("a code operation (Execute.WithConnection) runs on the working copy only and cannot be sent to D1; write it as SQL");

    protected override void Executed(string sql)
    {
        if (!InMigrationTransaction)
        {
            throw new NotSupportedException("on D1 every statement runs in its migration's batch; a migration without a transaction (TransactionBehavior.None) cannot be sent there");
        }

        _statements.Add(sql);
    }

    protected override SqliteChange PlanRebuild(SqliteChange change)
    {
        _rebuilt = true;
        return D1ChildRows.Keep(change, this, Query);
    }

    protected override void BeforeCommit()
    {
        if (_statements.Count == 0 && _journal is null)
        {
            return;
        }

        var batch = new D1Batch(
            _statements.ToArray(),
            JournalDdl(),
            _rebuilt,
            _journal?.Version,
            _journal is { } journal ? D1MigrationName.For(journal.Version, journal.Description) : null,
            _journal?.Up ?? true);
        Reset();
        _sink.Accept(batch);
    }

    /// <summary>The copy's journal table and indexes, written so D1 gets them once (IF NOT EXISTS).</summary>
    private IReadOnlyList<string> JournalDdl()
    {
        if (TableSql(JournalTableMetaData.Table) is not { } table)
        {
            return [];
        }

        var statements = new List<string> { IfNotExists(table, "TABLE") };
        statements.AddRange(Indexes(JournalTableMetaData.Table).Select(i => IfNotExists(i.Sql, i.Sql.StartsWith("CREATE UNIQUE", StringComparison.OrdinalIgnoreCase) ? "UNIQUE INDEX" : "INDEX")));
        return statements;
    }

    private static string IfNotExists(string sql, string kind)
    {
        var head = "CREATE " + kind + " ";
        return sql.StartsWith(head, StringComparison.OrdinalIgnoreCase) && !sql[head.Length..].TrimStart().StartsWith("IF NOT EXISTS", StringComparison.OrdinalIgnoreCase)
            ? head + "IF NOT EXISTS " + sql[head.Length..]
            : sql;
    }

    private void Reset()
    {
        _statements.Clear();
        _journal = null;
        _rebuilt = false;
    }

    private static bool IsJournal(string table) => string.Equals(table, JournalTableMetaData.Table, StringComparison.OrdinalIgnoreCase);

    private static (long Version, string? Description)? JournalValues(IEnumerable<KeyValuePair<string, object>> values)
    {
        long? version = null;
        string? description = null;
        foreach (var (key, value) in values)
        {
            if (key.Equals("Version", StringComparison.OrdinalIgnoreCase) && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, out var v))
            {
                version = v;
            }
            else if (key.Equals("Description", StringComparison.OrdinalIgnoreCase))
            {
                description = value as string;
            }
        }

        return version is { } found ? (found, description) : null;
    }
}
