using System.Data.Common;
using Migrations.Engine.Builders;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Dialects;

/// <summary>
/// One open connection to one database for the length of a run: executes statements (or only
/// reports them, in preview), owns the current transaction, answers existence queries, and takes
/// the run lock. Dialects override what their database does differently.
/// </summary>
public abstract class DatabaseProcessor(DbConnection connection, SqlGenerator generator, ProcessorOptions options) : IQuerySchema, IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public SqlGenerator Generator { get; } = generator;

    public ProcessorOptions Options { get; } = options;

    /// <summary>The name <c>IfDatabase</c> matches first, such as <c>Postgres</c>.</summary>
    public abstract string DatabaseType { get; }

    /// <summary>The type and its aliases.</summary>
    public abstract IReadOnlyList<string> DatabaseTypeNames { get; }

    /// <summary>The schema of the journal table; null where the dialect has no schemas.</summary>
    public abstract string? JournalSchema { get; }

    /// <summary>Called with every statement, executed or (in preview) not: logs and scripts read it here.</summary>
    public Action<SqlStatement>? StatementObserver { get; set; }

    protected DbTransaction? Transaction { get; private set; }

    /// <summary>
    /// Takes the lock that keeps other runs of this database out until the returned handle is
    /// disposed. Waits up to <paramref name="timeout"/>, then throws <c>LockTimeoutException</c>.
    /// </summary>
    public abstract Task<IAsyncDisposable> AcquireRunLockAsync(string lockName, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Starts a migration's transaction; the expressions let a dialect prepare (SQLite turns foreign keys off for rebuilds).</summary>
    public virtual async Task BeginAsync(IReadOnlyList<MigrationExpression> expressions, CancellationToken cancellationToken)
    {
        Report(new SqlStatement("BEGIN") { IsControl = true });
        if (!Options.PreviewOnly)
        {
            Transaction = await Connection.BeginTransactionAsync(cancellationToken);
        }
    }

    public virtual async Task CommitAsync(CancellationToken cancellationToken)
    {
        Report(new SqlStatement("COMMIT") { IsControl = true });
        if (Transaction is not null)
        {
            await Transaction.CommitAsync(cancellationToken);
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    /// <summary>Rolls back the open transaction, if any; never throws, so the original error survives.</summary>
    public virtual async Task RollbackAsync()
    {
        if (Transaction is null)
        {
            return;
        }

        try
        {
            await Transaction.RollbackAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The server may already have aborted the transaction; the original error is what matters.
        }
        catch (InvalidOperationException)
        {
            // The connection broke; its transaction is gone with it.
        }

        await Transaction.DisposeAsync();
        Transaction = null;
    }

    /// <summary>Executes one expression: by default, the generator's statements in order.</summary>
    public virtual Task ProcessAsync(MigrationExpression expression, CancellationToken cancellationToken) =>
        ExecuteAsync(Generator.Generate(expression), cancellationToken);

    public async Task ExecuteAsync(IEnumerable<SqlStatement> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await ExecuteAsync(statement, cancellationToken);
        }
    }

    public async Task ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        Report(statement);
        if (Options.PreviewOnly)
        {
            return;
        }

        await using var command = CreateCommand(statement.Sql, statement.Parameters);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StatementFailedException(statement.Sql, ex.Message, ex);
        }
    }

    /// <summary>Runs a query and returns its rows; reads run even in preview.</summary>
    public List<object?[]> Query(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = CreateCommand(sql, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)).ToArray());
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters) => Query(sql, parameters).FirstOrDefault()?[0];

    protected DbCommand CreateCommand(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        if (Options.CommandTimeout is { } timeout)
        {
            command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
        }

        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected void Report(SqlStatement statement) => StatementObserver?.Invoke(statement);

    public abstract bool SchemaExists(string schemaName);

    public abstract bool TableExists(string? schemaName, string tableName);

    public abstract bool ColumnExists(string? schemaName, string tableName, string columnName);

    public abstract bool ConstraintExists(string? schemaName, string tableName, string constraintName);

    public abstract bool IndexExists(string? schemaName, string tableName, string indexName);

    public abstract bool SequenceExists(string? schemaName, string sequenceName);

    public virtual async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
