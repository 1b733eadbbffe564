namespace Migrations.Engine.Schema;

/// <summary>What drift found: every difference of the live schema from the one its applied migrations make, and what was compared.</summary>
public sealed record DriftReport(IReadOnlyList<SchemaDifference> Differences, int AppliedMigrations, int ObjectsCompared, string Shadow)
{
    public bool HasDrift => Differences.Count > 0;
}
