namespace Migrations.Engine;

/// <summary>Migration code is malformed: a duplicate version, an expression without a name or type, and so on.</summary>
public sealed class InvalidMigrationException(string message) : MigrationException(message);
