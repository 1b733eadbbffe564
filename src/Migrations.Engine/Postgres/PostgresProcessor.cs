using System.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Processors.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Migrations.Engine.Authoring;
using Migrations.Engine.Expressions;
using Migrations.Engine.Running;
using Npgsql;

namespace Migrations.Engine.Postgres;

/// <summary>
/// FluentMigrator's PostgreSQL 15 processor, with enum types, named CHECKs and bulk COPY; every
/// statement it runs (or, in preview, would run) is recorded in the scope's <see cref="StatementLog"/>
/// before it runs. Its session (PostgresProcessor.Session.cs) and its time limit
/// (PostgresProcessor.Timeouts.cs) are in files of their own.
/// </summary>
public partial class PostgresProcessor : Postgres15_0Processor, IExtendedProcessor
{
    private readonly PostgresGenerator _generator;
    private readonly BulkProgress _progress;
    private readonly StatementLog _statements;
    private readonly IConnectionStringAccessor _connectionString;
    private readonly Lazy<int> _connectionStringTimeout;

    public PostgresProcessor(
        PostgresDbFactory factory,
        Postgres15_0Generator generator,
        ILogger<Postgres15_0Processor> logger,
        IOptionsSnapshot<ProcessorOptions> options,
        IConnectionStringAccessor connectionStringAccessor,
        PostgresOptions pgOptions,
        StatementLog statements,
        RunningStatement running,
        BulkProgress progress)
        : base(factory, generator, logger, options, connectionStringAccessor, pgOptions)
    {
        _progress = progress;
        _running = running;
        _generator = generator as PostgresGenerator
            ?? throw new ArgumentException($"{nameof(PostgresProcessor)} needs Migrations.Engine's {nameof(PostgresGenerator)} (AddMigrationsEngine() registers it), not {generator.GetType().Name}", nameof(generator));
        _statements = statements;
        _connectionString = connectionStringAccessor;
        _connectionStringTimeout = new Lazy<int>(ConnectionStringTimeout);
    }

    // IfDatabase("postgres") is how our migrations name PostgreSQL; FluentMigrator's aliases lack it.
    public override IList<string> DatabaseTypeAliases { get; } = ["PostgreSQL15_0", "PostgreSQL", "Postgres"];

    public void Process(CreateEnumExpression expression) => Process(_generator.Generate(expression));

    public void Process(DeleteEnumExpression expression) => Process(_generator.Generate(expression));

    public void Process(CreateCheckConstraintExpression expression) => Process(_generator.Generate(expression));

    public void Process(DeleteCheckConstraintExpression expression) => Process(_generator.Generate(expression));

    /// <summary>Rows one statement at a time (so a failure names its row), or streamed by binary COPY.</summary>
    public override void Process(InsertDataExpression expression)
    {
        if (expression.AdditionalFeatures.TryGetValue(MigrationFeatures.BulkRows, out var bulk) && bulk is BulkRows rows)
        {
            ProcessBulk(expression, rows);
            return;
        }

        ProcessEach(_generator.Statements(expression));
    }

    // Where our generator writes several statements, each is processed (and recorded) on its own.
    public override void Process(CreateTableExpression expression) => ProcessEach(_generator.Statements(expression));

    public override void Process(CreateColumnExpression expression) => ProcessEach(_generator.Statements(expression));

    public override void Process(AlterColumnExpression expression) => ProcessEach(_generator.Statements(expression));

    public override void Process(DeleteColumnExpression expression) => ProcessEach(_generator.Statements(expression));

    public override void Process(DeleteDataExpression expression) => ProcessEach(_generator.Statements(expression));

    /// <summary>Code steps run no SQL of their own that could be recorded; the script says where one would run.</summary>
    public override void Process(PerformDBOperationExpression expression)
    {
        _statements.Comment(string.IsNullOrEmpty(expression.Description) ? "code step (Execute.WithConnection)" : $"code step: {expression.Description}");
        base.Process(expression);
    }

    protected override void Process(string sql)
    {
        if (!string.IsNullOrEmpty(sql))
        {
            _statements.Record(sql);
        }

        try
        {
            base.Process(sql);
        }
        catch (Exception ex) when (IsCommandTimeout(ex))
        {
            throw new StatementTimeoutException(CommandTimeoutSeconds, ex);
        }
    }

    /// <summary>
    /// FluentMigrator applies <see cref="ProcessorOptions.Timeout"/> only when it is set, leaving
    /// Npgsql's 30 s default otherwise; see <see cref="CommandTimeoutSeconds"/> for what applies instead.
    /// </summary>
    protected override IDbCommand CreateCommand(string commandText, IDbConnection connection, IDbTransaction transaction)
    {
        var command = base.CreateCommand(commandText, connection, transaction);
        command.CommandTimeout = CommandTimeoutSeconds;
        _running.Track(command);
        return command;
    }

    private readonly RunningStatement _running;

    private void ProcessEach(IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            Process(statement);
        }
    }

    private void ProcessBulk(InsertDataExpression expression, BulkRows rows)
    {
        if (_statements.Keep && !Options.PreviewOnly)
        {
            ScriptBulk(expression, rows);
            return;
        }

        if (PostgresGenerator.IsInsertIfAbsent(expression))
        {
            // COPY has no ON CONFLICT: rows go to a session-local table first, then in by INSERT ... SELECT.
            var staging = $"bulk_{Guid.NewGuid():N}";
            Process(_generator.CreateStagingTable(staging, expression.SchemaName, expression.TableName, rows.Columns));
            Copy(_generator.CopyFromStdin(null, staging, rows.Columns), expression.SchemaName, expression.TableName, rows);
            Process(_generator.InsertFromStaging(expression, staging, rows.Columns));
            Process(_generator.DropStagingTable(staging));
            return;
        }

        Copy(_generator.CopyFromStdin(expression.SchemaName, expression.TableName, rows.Columns), expression.SchemaName, expression.TableName, rows);
    }

    /// <summary>
    /// A script's rows: multi-row INSERTs with every value a literal of its column's type (what the
    /// COPY would have sent), executed on the script's copy as they are recorded, so the reviewed
    /// statements are the ones that ran.
    /// </summary>
    private void ScriptBulk(InsertDataExpression expression, BulkRows rows)
    {
        EnsureConnectionIsOpen();
        var types = PostgresBulkCopy.ColumnTypes((NpgsqlConnection)Connection, string.IsNullOrEmpty(expression.SchemaName) ? "public" : expression.SchemaName, expression.TableName, rows.Columns);
        foreach (var batch in _progress.Track(expression.TableName, rows.Rows()).Chunk(ScriptRowsPerInsert))
        {
            Process(_generator.InsertValues(expression, rows.Columns, batch.Select(row => PostgresBulkLiterals.Row(_generator.Quoter, types, expression.TableName, row))));
        }
    }

    // Long enough to keep a 200,000-row seed's script readable, short enough for a reviewer's editor.
    private const int ScriptRowsPerInsert = 100;

    /// <summary>
    /// In preview the rows are only counted, for the script's comment; otherwise they stream once, and
    /// the line is recorded before (with the count when the rows know it without being generated).
    /// </summary>
    private void Copy(string copyCommand, string? schema, string table, BulkRows rows)
    {
        if (Options.PreviewOnly)
        {
            // A comment, not a statement: psql would read the lines after a bare COPY ... FROM STDIN as its rows.
            var line = $"{copyCommand}: {rows.Rows().Count()} rows (a preview cannot show them)";
            Logger.LogSql(line);
            _statements.Comment(line);
            return;
        }

        var values = rows.Rows();
        _statements.Record(values.TryGetNonEnumeratedCount(out var known) ? $"{copyCommand} -- {known} rows" : copyCommand);
        Logger.LogSql(copyCommand);
        EnsureConnectionIsOpen();
        ulong copied;
        try
        {
            copied = PostgresBulkCopy.Write((NpgsqlConnection)Connection, copyCommand, schema, table, rows.Columns, _progress.Track(table, values), TimeSpan.FromSeconds(CommandTimeoutSeconds));
        }
        catch (Exception ex) when (IsCommandTimeout(ex))
        {
            throw new StatementTimeoutException(CommandTimeoutSeconds, ex);
        }

        Logger.LogSay($"{copied} rows copied into {table}");
    }
}
