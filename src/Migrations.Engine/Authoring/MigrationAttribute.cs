namespace Migrations.Engine;

/// <summary>Marks a versioned migration. The version orders migrations and keys the journal.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MigrationAttribute : Attribute
{
    public MigrationAttribute(long version, string? description)
        : this(version, TransactionBehavior.Default, description)
    {
    }

    public MigrationAttribute(long version, TransactionBehavior transactionBehavior = TransactionBehavior.Default, string? description = null)
    {
        Version = version;
        TransactionBehavior = transactionBehavior;
        Description = description;
    }

    public long Version { get; }

    public TransactionBehavior TransactionBehavior { get; }

    public string? Description { get; }

    /// <summary>A breaking change is applied only when the caller allows breaking changes.</summary>
    public bool BreakingChange { get; set; }
}
