namespace Migrations.Engine.Dialects;

/// <summary>One statement to execute: SQL text and, for values from data, named parameters.</summary>
public sealed record SqlStatement(string Sql)
{
    public IReadOnlyList<KeyValuePair<string, object?>> Parameters { get; init; } = [];

    /// <summary>Statements such as PRAGMA that are not schema changes; still executed and scripted.</summary>
    public bool IsControl { get; init; }

    /// <summary>A remark for logs and scripts (which migration the next statements belong to); never executed.</summary>
    public bool IsComment { get; init; }

    public static SqlStatement Comment(string text) => new(text) { IsComment = true };

    public static implicit operator SqlStatement(string sql) => new(sql);
}
