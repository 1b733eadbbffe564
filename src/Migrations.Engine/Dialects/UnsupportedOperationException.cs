namespace Migrations.Engine.Dialects;

/// <summary>A dialect cannot do what a migration asks; the message names the dialect, the operation and the migration.</summary>
public sealed class UnsupportedOperationException(string message) : MigrationException(message);
