namespace Migrations.Engine.Model;

/// <summary>One column of an index with its sort direction.</summary>
public sealed record IndexColumn(string Name, bool Descending = false);
