namespace Migrations.Runner;

/// <summary>The command line or configuration is wrong; exit 2 with this one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);
