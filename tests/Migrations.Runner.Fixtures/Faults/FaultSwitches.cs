using System.Globalization;

namespace Faults.Data;

/// <summary>
/// The environment variables a fault test sets to break a run on purpose; unset, every step
/// succeeds quickly, so the run after the fault completes with the same assembly.
/// </summary>
internal static class FaultSwitches
{
    /// <summary>How long the slow step's statement runs: pg_sleep on PostgreSQL, a count of about that long on SQLite.</summary>
    public static int SlowSeconds => Number("FAULTS_SLOW_SECONDS");

    /// <summary>How long step 7's statement runs (after the one that creates gauge_note), in a migration without a transaction.</summary>
    public static int SlowUntransactedSeconds => Number("FAULTS_SLOW_UNTRANSACTED_SECONDS");

    /// <summary>Whether the second statement of step 3 names a column that does not exist.</summary>
    public static bool FailSecondStatement => Environment.GetEnvironmentVariable("FAULTS_FAIL_SECOND_STATEMENT") == "1";

    /// <summary>Which rebuild is left to fail: "null-reading" (step 4 copies a NULL into NOT NULL) or "orphan-log" (step 5 adds a foreign key rows violate).</summary>
    public static bool BreakRebuild(string which) => Environment.GetEnvironmentVariable("FAULTS_BREAK_REBUILD") == which;

    /// <summary>How many rows of about 1 KB step 6 writes.</summary>
    public static int FillRows => Number("FAULTS_FILL_ROWS");

    private static int Number(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
