namespace Migrations.Engine.Expressions;

/// <summary>An operation the processor in use cannot do: names the processor and the operation, so nothing is silently skipped.</summary>
public sealed class UnsupportedOperationException(string databaseType, string operation)
    : MigrationException($"{databaseType} cannot {operation} (only the PostgreSQL and SQLite processors of Migrations.Engine can)");
