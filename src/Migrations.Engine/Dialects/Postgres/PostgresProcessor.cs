using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Migrations.Engine.Dialects.Postgres;

/// <summary>Runs migrations on PostgreSQL: transactional DDL, a session advisory lock, catalog queries.</summary>
public sealed class PostgresProcessor(NpgsqlConnection connection, ProcessorOptions options)
    : DatabaseProcessor(connection, new PostgresGenerator(), options)
{
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(200);

    public override string DatabaseType => "Postgres";

    public override IReadOnlyList<string> DatabaseTypeNames { get; } = ["Postgres", "PostgreSQL", "PostgreSQL15_0"];

    public override string? JournalSchema => "migrations";

    /// <summary>
    /// A session advisory lock keyed by the database and the journal, polled so the wait can time
    /// out with a clear error. Closing the connection releases it if the process dies.
    /// </summary>
    public override async Task<IAsyncDisposable> AcquireRunLockAsync(string lockName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = (string)Scalar("SELECT current_database()")!;
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{database}/{lockName}")), 0);
        var deadline = DateTime.UtcNow + timeout;
        while (!(bool)Scalar("SELECT pg_try_advisory_lock(@key)", ("key", key))!)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new LockTimeoutException($"{database}: another run holds the migration lock; gave up after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(LockPollInterval, cancellationToken);
        }

        return new AdvisoryLock(this, key);
    }

    protected override Task<long> BulkInsertAsync(Expressions.BulkInsertExpression bulk, CancellationToken cancellationToken) =>
        PostgresBulkCopy.WriteAsync(this, (NpgsqlConnection)Connection, bulk, cancellationToken);

    public override bool ConvertsLossily(string? schemaName, string tableName, string columnName, Model.ColumnType newType)
    {
        const string sql = "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
            "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = @schema AND c.relname = @table AND a.attname = @column AND NOT a.attisdropped";
        var current = Scalar(sql, Schema(schemaName), ("table", tableName), ("column", columnName)) as string;
        return current is not null && PostgresTypeChange.IsLossy(current, Generator.TypeSql(newType));
    }

    public override bool SchemaExists(string schemaName) =>
        Exists("SELECT 1 FROM information_schema.schemata WHERE schema_name = @schema", ("schema", schemaName));

    public override bool TableExists(string? schemaName, string tableName) =>
        Exists("SELECT 1 FROM information_schema.tables WHERE table_schema = @schema AND table_name = @table", Schema(schemaName), ("table", tableName));

    public override bool ColumnExists(string? schemaName, string tableName, string columnName) =>
        Exists("SELECT 1 FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table AND column_name = @column",
            Schema(schemaName), ("table", tableName), ("column", columnName));

    public override bool ConstraintExists(string? schemaName, string tableName, string constraintName) =>
        Exists("SELECT 1 FROM information_schema.table_constraints WHERE table_schema = @schema AND table_name = @table AND constraint_name = @name",
            Schema(schemaName), ("table", tableName), ("name", constraintName));

    public override bool IndexExists(string? schemaName, string tableName, string indexName) =>
        Exists("SELECT 1 FROM pg_catalog.pg_indexes WHERE schemaname = @schema AND tablename = @table AND indexname = @name",
            Schema(schemaName), ("table", tableName), ("name", indexName));

    public override bool SequenceExists(string? schemaName, string sequenceName) =>
        Exists("SELECT 1 FROM information_schema.sequences WHERE sequence_schema = @schema AND sequence_name = @name",
            Schema(schemaName), ("name", sequenceName));

    private static (string, object?) Schema(string? schemaName) => ("schema", schemaName ?? PostgresQuoter.DefaultSchema);

    private bool Exists(string sql, params (string, object?)[] parameters) => Query(sql, parameters).Count > 0;

    private sealed class AdvisoryLock(PostgresProcessor processor, long key) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            if (processor.Connection.State == System.Data.ConnectionState.Open)
            {
                processor.Scalar("SELECT pg_advisory_unlock(@key)", ("key", key));
            }

            return ValueTask.CompletedTask;
        }
    }
}
