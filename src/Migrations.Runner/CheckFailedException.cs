namespace Migrations.Runner;

/// <summary>A gate said no (pending migrations with --fail-on-pending, validation problems); exit 3.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
