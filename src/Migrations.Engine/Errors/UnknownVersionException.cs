namespace Migrations.Engine;

/// <summary>A target version that no migration in the code has.</summary>
public sealed class UnknownVersionException(string message) : MigrationException(message);
