namespace Migrations.Engine.Sqlite;

/// <summary>
/// Splits SQL into tokens, skipping whitespace and comments: SQLite DDL for table rebuilds, and the
/// raw SQL the data-loss guard scans (hence PostgreSQL's dollar-quoted strings, kept as one token).
/// </summary>
public static class SqlTokenizer
{
    public static IReadOnlyList<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1) == '-')
            {
                i = IndexOrEnd(sql, "\n", i);
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                i = IndexOrEnd(sql, "*/", i + 2) + 2;
            }
            else if (c is '"' or '`' or '[' or '\'')
            {
                var close = c == '[' ? ']' : c;
                var end = i + 1;
                while (end < sql.Length && !(sql[end] == close && At(sql, end + 1) != close))
                {
                    end += sql[end] == close ? 2 : 1;
                }

                var kind = c == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
                tokens.Add(new SqlToken(sql[i..Math.Min(end + 1, sql.Length)], i, kind));
                i = end + 1;
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                var end = close < 0 ? sql.Length : close + tag.Length;
                tokens.Add(new SqlToken(sql[i..end], i, SqlTokenKind.String));
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = i;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] is '_' or '$'))
                {
                    end++;
                }

                tokens.Add(new SqlToken(sql[i..end], i, SqlTokenKind.Word));
                i = end;
            }
            else if (char.IsDigit(c))
            {
                var end = i;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '.'))
                {
                    end++;
                }

                tokens.Add(new SqlToken(sql[i..end], i, SqlTokenKind.Number));
                i = end;
            }
            else
            {
                tokens.Add(new SqlToken(c.ToString(), i, SqlTokenKind.Symbol));
                i++;
            }
        }

        return tokens;
    }

    /// <summary>The opening <c>$$</c> or <c>$tag$</c> at <paramref name="start"/>, or null (<c>$1</c> is a parameter).</summary>
    private static string? DollarTag(string sql, int start)
    {
        var end = start + 1;
        if (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_'))
        {
            while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }
        }

        return At(sql, end) == '$' ? sql[start..(end + 1)] : null;
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static int IndexOrEnd(string sql, string value, int from)
    {
        var index = sql.IndexOf(value, from, StringComparison.Ordinal);
        return index < 0 ? sql.Length : index;
    }
}
