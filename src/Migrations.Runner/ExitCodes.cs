namespace Migrations.Runner;

/// <summary>The runner's exit codes: the contract release pipelines rely on (DESIGN.md section 3).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A migration or the connection failed (also: cancelled by Ctrl+C or SIGTERM).</summary>
    public const int Failed = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int Usage = 2;

    /// <summary>A check found a problem: pending migrations when asked, validation, an irreversible or refused change.</summary>
    public const int CheckFailed = 3;

    /// <summary>The lock was not acquired in time.</summary>
    public const int LockTimeout = 4;
}
