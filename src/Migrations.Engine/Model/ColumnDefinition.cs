namespace Migrations.Engine.Model;

/// <summary>One column as the author described it.</summary>
public sealed record ColumnDefinition
{
    public required string Name { get; init; }

    public ColumnType? Type { get; init; }

    /// <summary>Null when the author did not say: NOT NULL on create (FluentMigrator's default), unchanged on alter.</summary>
    public bool? IsNullable { get; init; }

    public bool IsPrimaryKey { get; init; }

    public string? PrimaryKeyName { get; init; }

    public bool IsIdentity { get; init; }

    /// <summary>Null when no default was given; unchanged on alter.</summary>
    public ColumnDefault? Default { get; init; }

    /// <summary>An inline CHECK over this column only (emitted with the column).</summary>
    public string? Check { get; init; }

    public string? ComputedExpression { get; init; }

    public bool ComputedStored { get; init; }

    public string? Description { get; init; }

    /// <summary>A reference declared on the column (<c>ForeignKey(...)</c>); created with it.</summary>
    public ForeignKeyDefinition? ForeignKey { get; init; }

    /// <summary>NOT NULL on create when the author did not say otherwise.</summary>
    public bool EffectiveNullable => IsNullable ?? false;
}
