namespace Migrations.Engine;

/// <summary>The database could not be reached or opened; the message never contains the password.</summary>
public sealed class ConnectionFailedException(string message, Exception? inner = null) : MigrationException(message, inner ?? new InvalidOperationException(message));
