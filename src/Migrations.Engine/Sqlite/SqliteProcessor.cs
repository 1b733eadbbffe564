using System.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure.Extensions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators.SQLite;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.SQLite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Engine.Authoring;
using Migrations.Engine.Expressions;
using Migrations.Engine.Running;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// FluentMigrator's SQLite processor, with table rebuilds for what SQLite cannot alter in place
/// (<see cref="SqliteTableRebuilder"/>), one transaction per migration that switches foreign keys
/// off when it rebuilds (see SqliteProcessor.Transactions.cs), bulk rows through one prepared
/// INSERT, and every statement recorded in the scope's <see cref="StatementLog"/> before it runs.
/// </summary>
public partial class SqliteProcessor : SQLiteProcessor, IExtendedProcessor
{
    private readonly StatementLog _log;
    private readonly SqliteRebuildAdvisor _advisor;
    private readonly SqliteTableRebuilder _rebuilder;
    private readonly RunningStatement _running;

    public SqliteProcessor(
        SQLiteDbFactory factory,
        SQLiteGenerator generator,
        ILogger<SQLiteProcessor> logger,
        IOptionsSnapshot<ProcessorOptions> options,
        IConnectionStringAccessor connectionStringAccessor,
        IServiceProvider serviceProvider,
        StatementLog log,
        SqliteRebuildAdvisor advisor,
        RunningStatement running,
        BulkProgress progress)
        : base(factory, generator, logger, options, connectionStringAccessor, serviceProvider, new SqliteQuoter())
    {
        _progress = progress;
        SqlGenerator = generator as SqliteGenerator
            ?? throw new InvalidOperationException($"{nameof(SqliteProcessor)} needs Migrations.Engine's {nameof(SqliteGenerator)}, not {generator.GetType().Name}: call AddMigrationsEngine() after AddSQLite()");
        _log = log;
        _running = running;
        _advisor = advisor;
        _rebuilder = new SqliteTableRebuilder(SqlGenerator, this);
    }

    private SqliteGenerator SqlGenerator { get; }

    public override void Process(AlterColumnExpression expression) => Apply(() => _rebuilder.AlterColumn(expression));

    public override void Process(AlterDefaultConstraintExpression expression) => Apply(() => _rebuilder.AlterDefault(expression));

    public override void Process(DeleteDefaultConstraintExpression expression) => Apply(() => _rebuilder.DeleteDefault(expression));

    public override void Process(CreateForeignKeyExpression expression)
    {
        if (!SqlGenerator.IsInlined(expression.ForeignKey))
        {
            Apply(() => _rebuilder.CreateForeignKey(expression));
        }
    }

    public override void Process(DeleteForeignKeyExpression expression) => Apply(() => _rebuilder.DeleteForeignKey(expression));

    public override void Process(CreateConstraintExpression expression)
    {
        if (expression.Constraint.IsPrimaryKeyConstraint)
        {
            Apply(() => _rebuilder.CreatePrimaryKey(expression));
        }
        else
        {
            base.Process(expression);
        }
    }

    public override void Process(DeleteConstraintExpression expression)
    {
        if (expression.Constraint.IsPrimaryKeyConstraint)
        {
            Apply(() => _rebuilder.DeletePrimaryKey(expression));
        }
        else
        {
            base.Process(expression);
        }
    }

    public override void Process(CreateColumnExpression expression)
    {
        if (SqliteTableRebuilder.CanAddInPlace(expression.Column))
        {
            base.Process(expression);
        }
        else
        {
            Apply(() => _rebuilder.AddColumn(expression));
        }
    }

    public override void Process(DeleteColumnExpression expression) => Apply(() => _rebuilder.DeleteColumns(expression));

    public override void Process(InsertDataExpression expression)
    {
        if (expression.AdditionalFeatures.TryGetValue(MigrationFeatures.BulkRows, out var rows) && rows is BulkRows bulk)
        {
            BulkInsert(expression, bulk);
            return;
        }

        // One statement per row (FluentMigrator sends them as one batch), so the log names the row that fails.
        foreach (var row in expression.Rows)
        {
            var single = new InsertDataExpression { SchemaName = expression.SchemaName, TableName = expression.TableName };
            single.Rows.Add(row);
            foreach (var feature in expression.AdditionalFeatures)
            {
                single.AdditionalFeatures[feature.Key] = feature.Value;
            }

            Process(Generator.Generate(single));
        }

        Journaled(expression);
    }

    public override void Process(PerformDBOperationExpression expression)
    {
        // The operation gets the migration's connection and transaction, so the transaction must exist.
        EnsureTransactionStarted();
        _log.Comment("code: " + (string.IsNullOrEmpty(expression.Description) ? "a DB operation" : expression.Description));
        ReportingLockTimeout(() => base.Process(expression));
    }

    // Enum types do not exist on SQLite: the column's CHECK carries the values.
    public void Process(CreateEnumExpression expression)
    {
    }

    public void Process(DeleteEnumExpression expression)
    {
    }

    public void Process(CreateCheckConstraintExpression expression) => Apply(() => _rebuilder.CreateCheck(expression));

    public void Process(DeleteCheckConstraintExpression expression) => Apply(() => _rebuilder.DeleteCheck(expression));

    /// <summary>Every statement FluentMigrator generates passes here: it is recorded, then sent (or, in preview, only logged).</summary>
    protected override void Process(string sql)
    {
        if (string.IsNullOrEmpty(sql))
        {
            return;
        }

        EnsureTransactionStarted();
        _log.Record(sql);
        ReportingLockTimeout(() => base.Process(sql));
        if (!Options.PreviewOnly)
        {
            Executed(sql);
        }
    }

    /// <summary>Called with each statement once it ran on the database (a subclass that replays them elsewhere: D1).</summary>
    protected virtual void Executed(string sql)
    {
    }

    /// <summary>
    /// True for a subclass whose rebuilds keep child rows themselves (<see cref="PlanRebuild"/>), so
    /// foreign keys stay on as they always are on D1, and the copy behaves as D1 will.
    /// </summary>
    protected virtual bool RebuildsWithForeignKeysOn => false;

    /// <summary>The statements of a rebuild as this processor runs them; a subclass may add to them.</summary>
    protected virtual SqliteChange PlanRebuild(SqliteChange change) => change;

    /// <summary>Called after the foreign-key check and before COMMIT; throwing rolls the migration back.</summary>
    protected virtual void BeforeCommit()
    {
    }

    /// <summary>True while a migration's transaction is open.</summary>
    protected bool InMigrationTransaction => InTransaction;

    /// <summary>
    /// The statements of one change, planned after the migration's transaction has started (a
    /// rebuild reads the table as the earlier steps left it). A rebuild outside any migration
    /// transaction (<c>TransactionBehavior.None</c>) gets a transaction of its own.
    /// </summary>
    private void Apply(Func<SqliteChange> plan)
    {
        EnsureTransactionStarted();
        var change = plan();
        if (change.Rebuilds)
        {
            change = PlanRebuild(change);
        }

        if (!change.Rebuilds)
        {
            foreach (var statement in change.Statements)
            {
                Run(statement);
            }

            return;
        }

        if (InTransaction)
        {
            GuardRebuildInTransaction(change.RebuiltTable!);
            RunRebuild(change);
            return;
        }

        OpenTransaction(switchForeignKeysOff: !RebuildsWithForeignKeysOn);
        try
        {
            RunRebuild(change);
            CommitTransaction();
        }
        catch
        {
            RollbackTransaction();
            throw;
        }
    }

    private void RunRebuild(SqliteChange change)
    {
        _log.Comment($"rebuild table {change.RebuiltTable}");
        foreach (var statement in change.Statements)
        {
            Run(statement);
        }

        _rebuilt = true;
    }

    private void Run(string sql) => Run(sql, execute: true);

    /// <summary>
    /// Records one statement of ours (a rebuild step, a PRAGMA, BEGIN/COMMIT), then sends it in the
    /// transaction when there is one; <paramref name="execute"/> is false for those ADO.NET sends itself.
    /// </summary>
    private void Run(string sql, bool execute)
    {
        _log.Record(sql);
        Logger.LogSql(sql);
        if (!execute || Options.PreviewOnly)
        {
            return;
        }

        EnsureConnectionIsOpen();
        using var command = CreateCommand(sql);
        ReportingLockTimeout(() => command.ExecuteNonQuery());
        Executed(sql);
    }

    /// <summary>Every command of ours and of FluentMigrator's is registered, so a cancelled run can interrupt it.</summary>
    protected override IDbCommand CreateCommand(string commandText, IDbConnection connection, IDbTransaction transaction)
    {
        var command = base.CreateCommand(commandText, connection, transaction);
        WaitForLocksAsTheConnectionDoes(command, connection);
        _running.Track(command);
        return command;
    }
}
