namespace Migrations.Engine.Model;

/// <summary>An index; <see cref="Filter"/> makes it partial (a WHERE clause in SQL of the target database).</summary>
public sealed record IndexDefinition
{
    public string? Name { get; init; }

    public string? SchemaName { get; init; }

    public required string TableName { get; init; }

    public IReadOnlyList<IndexColumn> Columns { get; init; } = [];

    public bool IsUnique { get; init; }

    public string? Filter { get; init; }

    /// <summary>PostgreSQL: CREATE INDEX CONCURRENTLY (needs TransactionBehavior.None). Other dialects build it normally.</summary>
    public bool Concurrently { get; init; }

    /// <summary>FluentMigrator's convention: IX_{Table}_{Columns}.</summary>
    public string EffectiveName => Name ?? string.Join("_", new[] { "IX", TableName }.Concat(Columns.Select(c => c.Name)));
}
