namespace Migrations.Engine.Model;

/// <summary>
/// A column's type. <see cref="Size"/> is a length (or, for decimals, the total digits) and
/// <see cref="Precision"/> the decimal scale, as FluentMigrator names them. Enums carry their
/// values so a dialect without enum types can emit a CHECK over them.
/// </summary>
public sealed record ColumnType(ColumnKind Kind, int? Size = null, int? Precision = null)
{
    public string? CustomType { get; init; }

    public string? EnumName { get; init; }

    public string? EnumSchema { get; init; }

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    public string? Collation { get; init; }

    public static ColumnType Custom(string type) => new(ColumnKind.Custom) { CustomType = type };

    public static ColumnType Enum(string name, IReadOnlyList<string> values, string? schema = null) =>
        new(ColumnKind.Enum) { EnumName = name, EnumValues = values, EnumSchema = schema };
}
