namespace Migrations.Engine;

/// <summary>A rollback would cross a migration whose changes cannot be undone.</summary>
public sealed class IrreversibleMigrationException(string message) : MigrationException(message);
