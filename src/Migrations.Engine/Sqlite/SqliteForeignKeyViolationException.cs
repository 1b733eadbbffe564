namespace Migrations.Engine.Sqlite;

/// <summary>
/// <c>PRAGMA foreign_key_check</c> found rows pointing at missing parents before a migration that
/// ran with foreign keys off could commit; the migration is rolled back. Not a MigrationException:
/// the runner wraps it in MigrationFailedException, naming the migration and the check.
/// </summary>
public sealed class SqliteForeignKeyViolationException(int count, string sample)
    : InvalidOperationException(
        $"{count} foreign key violation(s) found by PRAGMA foreign_key_check: {sample}; this migration rebuilds a table, so SQLite ran it " +
        "with foreign keys off and ON DELETE actions did not fire: delete or update dependent rows explicitly, or move the data change to its own migration")
{
    public int Count { get; } = count;
}
