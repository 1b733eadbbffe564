namespace Migrations.Engine;

/// <summary>
/// Says that rolling this migration back loses data on purpose (for example, rows Up() created
/// from other data). The data-loss guard then refuses the rollback unless data loss is allowed,
/// and shows this reason, whether or not it can measure the loss.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LosesDataOnRollbackAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
