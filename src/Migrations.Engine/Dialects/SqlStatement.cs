namespace Migrations.Engine.Dialects;

/// <summary>One statement to execute: SQL text and, for values from data, named parameters.</summary>
public sealed record SqlStatement(string Sql)
{
    public IReadOnlyList<KeyValuePair<string, object?>> Parameters { get; init; } = [];

    /// <summary>Statements such as PRAGMA that are not schema changes; still executed and scripted.</summary>
    public bool IsControl { get; init; }

    public static implicit operator SqlStatement(string sql) => new(sql);
}
