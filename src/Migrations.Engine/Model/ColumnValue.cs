namespace Migrations.Engine.Model;

/// <summary>A column name and the value it is set to or compared with.</summary>
public sealed record ColumnValue(string Column, object? Value);
