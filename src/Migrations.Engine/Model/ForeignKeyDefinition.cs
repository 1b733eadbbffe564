namespace Migrations.Engine.Model;

/// <summary>A foreign key from <see cref="ForeignTable"/> to <see cref="PrimaryTable"/>.</summary>
public sealed record ForeignKeyDefinition
{
    public string? Name { get; init; }

    public string? ForeignTableSchema { get; init; }

    public required string ForeignTable { get; init; }

    public IReadOnlyList<string> ForeignColumns { get; init; } = [];

    public string? PrimaryTableSchema { get; init; }

    public required string PrimaryTable { get; init; }

    public IReadOnlyList<string> PrimaryColumns { get; init; } = [];

    public ForeignKeyRule OnDelete { get; init; } = ForeignKeyRule.NoAction;

    public ForeignKeyRule OnUpdate { get; init; } = ForeignKeyRule.NoAction;

    /// <summary>FluentMigrator's convention: FK_{ForeignTable}_{ForeignColumns}_{PrimaryTable}_{PrimaryColumns}.</summary>
    public string EffectiveName =>
        Name ?? string.Join("_", new[] { "FK", ForeignTable }.Concat(ForeignColumns).Append(PrimaryTable).Concat(PrimaryColumns));
}
