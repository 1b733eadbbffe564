namespace Migrations.Engine.Sqlite;

/// <summary>A token of SQLite DDL with its position, so edits can keep the author's original text.</summary>
public sealed record SqlToken(string Text, int Start, SqlTokenKind Kind)
{
    public int End => Start + Text.Length;

    /// <summary>The identifier without its quotes (double quotes, brackets or backticks).</summary>
    public string Unquoted => Kind == SqlTokenKind.QuotedIdentifier ? Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Text;

    public bool Is(string keyword) => Kind == SqlTokenKind.Word && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}

public enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    String,
    Number,
    Symbol,
}
