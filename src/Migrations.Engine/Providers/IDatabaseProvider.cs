using System.Data.Common;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Runner;
using Migrations.Engine.Schema;

namespace Migrations.Engine.Providers;

/// <summary>
/// One database provider as the runner sees it: how FluentMigrator is configured for it, and
/// what FluentMigrator does not do (the run lock, backups, masking secrets). One instance serves
/// any number of runs.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The provider name used on the command line: <c>postgres</c>, <c>sqlite</c> or <c>d1</c>.</summary>
    string Name { get; }

    /// <summary>FluentMigrator's processor id, as a migration's <c>IfDatabase</c> sees it.</summary>
    IReadOnlyList<string> ProcessorIds { get; }

    /// <summary>Adds FluentMigrator's processor for this provider (<c>AddPostgres15_0()</c>, <c>AddSQLite()</c>).</summary>
    void AddProcessor(IMigrationRunnerBuilder runner);

    /// <summary>
    /// Registrations after <c>AddMigrationsEngine()</c> for a session on <paramref name="connectionString"/>
    /// (D1: its processor, which sends each migration's batch to D1).
    /// </summary>
    void AddServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services, string connectionString)
    {
    }

    /// <summary>
    /// The connection string FluentMigrator should use, normalised (for SQLite: foreign keys on,
    /// no pooling surprises). Throws <see cref="ArgumentException"/> with a one-line reason when malformed.
    /// </summary>
    string Normalize(string connectionString);

    /// <summary>
    /// The connection string of one run: normalised, with every wait for another client's lock
    /// bounded by <paramref name="lockTimeout"/> on each connection opened with it, ours and
    /// FluentMigrator's (SQLite: its <c>Default Timeout</c>).
    /// </summary>
    string Normalize(string connectionString, TimeSpan lockTimeout) => Normalize(connectionString);

    /// <summary>
    /// The lock error to report when <paramref name="error"/> says a statement gave up waiting for
    /// another client's lock (SQLite: "database is locked"); null for any other error.
    /// </summary>
    LockTimeoutException? AsLockTimeout(Exception error, string connectionString, TimeSpan lockTimeout) => null;

    /// <summary>An open connection for our own reads (journal, catalog); throws <c>ConnectionFailedException</c>.</summary>
    Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the database is there to be read: read-only commands (<c>status</c>, <c>validate</c>)
    /// ask first, so that they never create it (a SQLite file is created by opening it).
    /// </summary>
    bool Exists(string connectionString) => true;

    /// <summary>
    /// Takes the run lock of the database, waiting at most <paramref name="timeout"/>; throws
    /// <c>LockTimeoutException</c> when another run holds it. Disposing releases it.
    /// </summary>
    Task<IAsyncDisposable> AcquireRunLockAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// For <c>script</c>: a connection string on which statements change nothing real, a copy the
    /// run executes on so each step reads the schema the earlier ones left (SQLite: an in-memory copy
    /// of the database; PostgreSQL: a scratch database with its schema and journal), or, where no
    /// copy can be made, the live one with FluentMigrator's preview mode.
    /// </summary>
    Task<ScriptTarget> OpenForScriptAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>A consistent backup into <paramref name="directory"/>; returns its path, or throws <c>BackupFailedException</c>.</summary>
    Task<string> BackupAsync(string connectionString, string directory, string name, CancellationToken cancellationToken);

    /// <summary>
    /// For the data-loss guard: a SQL condition on <paramref name="expression"/>'s table, true for each
    /// value already in its column on <paramref name="connection"/> that the type change would silently
    /// alter, written (names quoted, the new type) as <paramref name="generator"/> writes them; null when
    /// it alters none. A change that fails on a value that does not fit loses nothing.
    /// </summary>
    string? ChangedValues(DbConnection connection, AlterColumnExpression expression, IMigrationGenerator generator);

    /// <summary>The connection string with its password and other secrets replaced by <c>***</c>.</summary>
    string Mask(string connectionString);

    /// <summary>
    /// Journal writes made outside a migration (baseline's rows), as SQL text, for a provider whose
    /// connection is a working copy of the real database (D1): sent there as one atomic batch, under
    /// the run lock, before the copy records them. Other providers write on their connection only.
    /// </summary>
    Task WriteJournalAsync(string connectionString, IReadOnlyList<string> statements, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads a database's schema for drift and baseline.</summary>
    ISchemaReader SchemaReader { get; }

    /// <summary>
    /// A scratch database to build the migrations' schema in (drift, baseline), never the live one:
    /// <paramref name="shadowConnectionString"/> when given (it must be empty), else one of the
    /// provider's own making. Disposing removes what was built.
    /// </summary>
    Task<ShadowDatabase> CreateShadowAsync(string connectionString, string? shadowConnectionString, CancellationToken cancellationToken);
}

/// <summary>Where a script run executes: a connection string, whether it is preview-only, and what to dispose after.</summary>
public sealed record ScriptTarget(string ConnectionString, bool PreviewOnly, IAsyncDisposable? Keepalive)
{
    /// <summary>What the reviewer must know about how this script was made (a preview that executed nothing), or null.</summary>
    public string? Caveat { get; init; }

    /// <summary>Session settings the script's statements assume, written first.</summary>
    public IReadOnlyList<string> Preamble { get; init; } = [];

    /// <summary>
    /// After the run: lines naming what the run changed outside the copy (PostgreSQL: roles and
    /// tablespaces, which belong to the whole server), for the top of the script; none when nothing did.
    /// </summary>
    public Func<CancellationToken, Task<IReadOnlyList<string>>>? ServerChanges { get; init; }
}
