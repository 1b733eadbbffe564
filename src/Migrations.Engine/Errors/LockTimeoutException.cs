namespace Migrations.Engine;

/// <summary>Another run (or, on SQLite, another writer) held the database's lock for longer than the lock timeout.</summary>
public sealed class LockTimeoutException(string message) : MigrationException(message);
