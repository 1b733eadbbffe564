namespace Migrations.Engine;

/// <summary>A run was refused before it changed anything (a breaking change not allowed, and similar checks).</summary>
public sealed class MigrationRefusedException(string message) : MigrationException(message);
