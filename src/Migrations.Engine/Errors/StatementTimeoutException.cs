using System.Data.Common;

namespace Migrations.Engine;

/// <summary>
/// A statement outlived the run's command timeout and was stopped. A processor throws it; the
/// executor names the database and migration (<see cref="MigrationTimedOutException"/>). A database
/// error, so whatever reports a failed statement shows this sentence rather than the driver's.
/// </summary>
public sealed class StatementTimeoutException(int seconds, Exception inner)
    : DbException($"timed out after {seconds} s (the command timeout: Migrations:CommandTimeoutSeconds, or the connection string's Command Timeout)", inner)
{
    public int Seconds { get; } = seconds;
}
