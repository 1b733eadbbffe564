namespace Migrations.Engine.Model;

/// <summary>A primary key, unique or CHECK constraint on one table.</summary>
public sealed record ConstraintDefinition
{
    public required ConstraintKind Kind { get; init; }

    public string? Name { get; init; }

    public string? SchemaName { get; init; }

    public required string TableName { get; init; }

    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The boolean expression of a CHECK constraint.</summary>
    public string? CheckExpression { get; init; }

    /// <summary>PK_{Table}, UC_{Table}_{Columns}, CK_{Table}_{n} by convention.</summary>
    public string EffectiveName => Name ?? Kind switch
    {
        ConstraintKind.PrimaryKey => $"PK_{TableName}",
        ConstraintKind.Unique => string.Join("_", new[] { "UC", TableName }.Concat(Columns)),
        _ => $"CK_{TableName}",
    };
}
