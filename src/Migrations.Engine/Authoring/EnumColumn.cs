namespace Migrations.Engine.Authoring;

/// <summary>A column of an enum type: a PostgreSQL enum, or on SQLite text with a CHECK listing the values.</summary>
public sealed record EnumColumn(string? SchemaName, string TypeName, IReadOnlyList<string> Values);
