namespace Migrations.Engine.Dialects;

/// <summary>
/// A database provider: opens processors and knows how to describe its connection strings
/// without their secrets. One instance serves any number of runs.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>The provider name used on the command line: <c>postgres</c> or <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Opens a processor for a run. Throws <c>ConnectionFailedException</c> when the database
    /// cannot be reached within the connection timeout.
    /// </summary>
    Task<DatabaseProcessor> OpenAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a processor whose statements change nothing real, for <c>script</c>: PostgreSQL
    /// reports without executing; SQLite executes against an in-memory copy (its table rebuilds
    /// must read the schema each step leaves).
    /// </summary>
    Task<DatabaseProcessor> OpenForScriptAsync(string connectionString, ProcessorOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a consistent backup of the database into <paramref name="directory"/> under
    /// <paramref name="name"/> (plus the provider's extension) and returns its full path; throws
    /// <c>BackupFailedException</c> when it cannot.
    /// </summary>
    Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken);

    /// <summary>The connection string with its password and other secrets replaced by <c>***</c>.</summary>
    string Mask(string connectionString);

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when the connection string is malformed.</summary>
    void Validate(string connectionString);
}
