namespace Migrations.Engine;

/// <summary>A maintenance migration runs its Up() at a fixed stage of every run; it is never journaled.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MaintenanceAttribute(MigrationStage stage, TransactionBehavior transactionBehavior = TransactionBehavior.Default) : Attribute
{
    public MigrationStage Stage { get; } = stage;

    public TransactionBehavior TransactionBehavior { get; } = transactionBehavior;
}
