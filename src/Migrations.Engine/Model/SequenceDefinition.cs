namespace Migrations.Engine.Model;

/// <summary>A PostgreSQL sequence.</summary>
public sealed record SequenceDefinition
{
    public required string Name { get; init; }

    public string? SchemaName { get; init; }

    public long? Increment { get; init; }

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    public long? StartWith { get; init; }

    public long? Cache { get; init; }

    public bool Cycle { get; init; }
}
