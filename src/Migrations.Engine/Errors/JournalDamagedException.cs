namespace Migrations.Engine;

/// <summary>
/// The journal cannot be used as it is: a row whose value is not what its column holds, a version
/// recorded twice, a table without a <c>Version</c> column, or a column the runner cannot fill when
/// it records a migration. Nothing was changed; a person fixes the row the message names.
/// </summary>
public sealed class JournalDamagedException(string message) : JournalMismatchException(message);
