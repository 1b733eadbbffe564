namespace Migrations.Engine.Running;

/// <summary>One disagreement between the journal and the code.</summary>
public sealed record ValidationProblem(long Version, ValidationProblemKind Kind, string Message);

public enum ValidationProblemKind
{
    /// <summary>Applied, but no migration with that version exists in the code.</summary>
    MissingFromCode,

    /// <summary>Applied, and the migration's checksum has changed since.</summary>
    ChecksumChanged,

    /// <summary>Pending, but older than the newest applied migration.</summary>
    OutOfOrder,

    /// <summary>The database has no journal table at all, while the code has migrations.</summary>
    NoJournal,
}
