namespace Migrations.Engine;

/// <summary>A requested backup could not be taken, so nothing was changed.</summary>
public sealed class BackupFailedException(string message) : MigrationException(message);
