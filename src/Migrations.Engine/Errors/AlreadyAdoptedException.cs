namespace Migrations.Engine;

/// <summary>baseline on a database that already has a journal of ours: it is adopted; migrate, status and drift are the commands for it.</summary>
public sealed class AlreadyAdoptedException(string message) : MigrationException(message);
