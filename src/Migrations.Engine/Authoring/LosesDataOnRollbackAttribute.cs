namespace Migrations.Engine.Authoring;

/// <summary>
/// Marks a migration whose Down() deliberately loses data (a merge that cannot be split again);
/// the data-loss guard then lists it and asks for <c>--allow-data-loss</c> before a rollback.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LosesDataOnRollbackAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
