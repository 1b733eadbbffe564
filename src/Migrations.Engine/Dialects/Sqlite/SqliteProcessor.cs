using Microsoft.Data.Sqlite;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Dialects.Sqlite;

/// <summary>
/// Runs migrations on SQLite. A migration that may rebuild a table runs with foreign keys off
/// (SQLite requires it, and only outside a transaction) and must pass
/// <c>PRAGMA foreign_key_check</c> before it commits.
/// </summary>
public sealed class SqliteProcessor : DatabaseProcessor, ISqliteCatalog
{
    private const int SqliteBusy = 5;
    private readonly string? _databasePath;
    private readonly SqliteTableRebuilder _rebuilder;
    private bool _foreignKeysOff;
    private TimeSpan _lockTimeout = TimeSpan.FromSeconds(30);

    public SqliteProcessor(SqliteConnection connection, ProcessorOptions options, string? databasePath)
        : base(connection, new SqliteGenerator(), options)
    {
        _databasePath = databasePath;
        _rebuilder = new SqliteTableRebuilder((SqliteGenerator)Generator, this);
    }

    public override string DatabaseType => "SQLite";

    public override IReadOnlyList<string> DatabaseTypeNames { get; } = ["SQLite", "Sqlite3"];

    public override string? JournalSchema => null;

    private SqliteConnection SqliteConnection => (SqliteConnection)Connection;

    public override async Task<IAsyncDisposable> AcquireRunLockAsync(string lockName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _lockTimeout = timeout;
        return _databasePath is null ? SqliteRunLock.None : await SqliteRunLock.AcquireAsync(_databasePath, timeout, cancellationToken);
    }

    public override async Task BeginAsync(IReadOnlyList<MigrationExpression> expressions, CancellationToken cancellationToken)
    {
        if (expressions.Any(SqliteTableRebuilder.MayRebuild))
        {
            await ExecuteAsync(new SqlStatement("PRAGMA foreign_keys = OFF") { IsControl = true }, cancellationToken);
            _foreignKeysOff = true;
        }

        // BEGIN IMMEDIATE waits for other writers for as long as the lock timeout allows.
        var commandTimeout = SqliteConnection.DefaultTimeout;
        SqliteConnection.DefaultTimeout = (int)Math.Ceiling(_lockTimeout.TotalSeconds);
        try
        {
            await base.BeginAsync(expressions, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteBusy)
        {
            await RestoreForeignKeysAsync();
            throw new LockTimeoutException($"{Path.GetFileName(_databasePath)}: another client holds the database's write lock; gave up after {_lockTimeout.TotalSeconds:0} s");
        }
        finally
        {
            SqliteConnection.DefaultTimeout = commandTimeout;
        }
    }

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_foreignKeysOff)
        {
            await CheckForeignKeysAsync(cancellationToken);
        }

        await base.CommitAsync(cancellationToken);
        await RestoreForeignKeysAsync();
    }

    public override async Task RollbackAsync()
    {
        await base.RollbackAsync();
        await RestoreForeignKeysAsync();
    }

    public override Task ProcessAsync(MigrationExpression expression, CancellationToken cancellationToken) =>
        SqliteTableRebuilder.MayRebuild(expression)
            ? ExecuteAsync(_rebuilder.Plan(expression), cancellationToken)
            : base.ProcessAsync(expression, cancellationToken);

    /// <summary>One prepared INSERT, re-bound for every row, inside the migration's transaction.</summary>
    protected override async Task<long> BulkInsertAsync(BulkInsertExpression bulk, CancellationToken cancellationToken)
    {
        var names = bulk.Columns.Select((_, i) => $"@p{i}").ToArray();
        await using var command = CreateCommand(
            $"INSERT INTO {Generator.Table(null, bulk.TableName)} ({Generator.ColumnList(bulk.Columns)}) VALUES ({string.Join(", ", names)})",
            names.Select(n => KeyValuePair.Create(n, (object?)null)).ToArray());
        command.Prepare();
        long count = 0;
        foreach (var row in bulk.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    Guid guid => guid.ToString("D"), // TEXT, as the generator maps GUIDs (the provider would bind a BLOB)
                    DateTimeOffset offset => offset.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
                    var value => value,
                };
            }

            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex)
            {
                throw new StatementFailedException(command.CommandText, ex.Message, ex);
            }

            count++;
        }

        return count;
    }

    private async Task CheckForeignKeysAsync(CancellationToken cancellationToken)
    {
        var check = new SqlStatement("PRAGMA foreign_key_check") { IsControl = true };
        Report(check);
        var violations = Query(check.Sql);
        if (violations.Count > 0)
        {
            var sample = string.Join("; ", violations.Take(5).Select(v => $"row {v[1]} of \"{v[0]}\" points at a missing row of \"{v[2]}\""));
            // Foreign keys were off so the rebuild could drop the old table: ON DELETE actions of this migration's own
            // data changes did not run either, which is the usual cause.
            throw new StatementFailedException(check.Sql,
                $"{violations.Count} foreign key violation(s): {sample}; this migration rebuilds a table, so SQLite ran it with foreign keys off " +
                "and ON DELETE actions did not fire: delete or update dependent rows explicitly, or move the data change to its own migration",
                new InvalidOperationException(sample));
        }

        await Task.CompletedTask.WaitAsync(cancellationToken);
    }

    private async Task RestoreForeignKeysAsync()
    {
        if (_foreignKeysOff)
        {
            _foreignKeysOff = false;
            await ExecuteAsync(new SqlStatement("PRAGMA foreign_keys = ON") { IsControl = true }, CancellationToken.None);
        }
    }

    public string? TableSql(string table) =>
        Scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @name COLLATE NOCASE", ("name", table)) as string;

    public IReadOnlyList<(string Name, string Sql)> Indexes(string table) =>
        Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @name COLLATE NOCASE AND sql IS NOT NULL ORDER BY rowid", ("name", table))
            .Select(r => ((string)r[0]!, (string)r[1]!)).ToArray();

    public IReadOnlyList<string> IndexColumns(string index) =>
        Query("SELECT name FROM pragma_index_info(@name) WHERE name IS NOT NULL", ("name", index)).Select(r => (string)r[0]!).ToArray();

    public IReadOnlyList<string> Triggers(string table) =>
        Query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @name COLLATE NOCASE ORDER BY rowid", ("name", table))
            .Select(r => (string)r[0]!).ToArray();

    public IReadOnlyList<(string Table, string From, string To)> ReferencesTo(string table) =>
        Query("""
              SELECT m.name, f."from", f."to" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
              WHERE m.type = 'table' AND f."table" = @name COLLATE NOCASE AND m.name <> @name COLLATE NOCASE
              """, ("name", table))
            .Select(r => ((string)r[0]!, (string)r[1]!, r[2] as string ?? "")).ToArray();

    public override bool SchemaExists(string schemaName) =>
        Query("SELECT 1 FROM pragma_database_list WHERE name = @name", ("name", schemaName)).Count > 0;

    public override bool TableExists(string? schemaName, string tableName) => TableSql(tableName) is not null;

    public override bool ColumnExists(string? schemaName, string tableName, string columnName) =>
        Query("SELECT 1 FROM pragma_table_info(@table) WHERE name = @column COLLATE NOCASE", ("table", tableName), ("column", columnName)).Count > 0;

    public override bool ConstraintExists(string? schemaName, string tableName, string constraintName)
    {
        var sql = TableSql(tableName);
        return sql is not null && (SqliteTableDefinition.Parse(sql).Constraints.Any(c => string.Equals(c.Name, constraintName, StringComparison.OrdinalIgnoreCase))
            || IndexExists(schemaName, tableName, constraintName));
    }

    public override bool IndexExists(string? schemaName, string tableName, string indexName) =>
        Query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = @name COLLATE NOCASE", ("name", indexName)).Count > 0;

    public override bool SequenceExists(string? schemaName, string sequenceName) => false;
}
