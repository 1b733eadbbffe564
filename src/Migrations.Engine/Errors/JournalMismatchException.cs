namespace Migrations.Engine;

/// <summary>
/// The journal and the code disagree in a way <c>migrate</c> will not paper over: an applied
/// version missing from the code, or a pending migration older than the newest applied one. The
/// base of every journal problem (exit 3), <see cref="JournalDamagedException"/> too.
/// </summary>
public class JournalMismatchException(string message) : MigrationException(message);
