namespace Migrations.Engine.Sqlite;

/// <summary>Splits SQLite DDL into tokens, skipping whitespace and comments.</summary>
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

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static int IndexOrEnd(string sql, string value, int from)
    {
        var index = sql.IndexOf(value, from, StringComparison.Ordinal);
        return index < 0 ? sql.Length : index;
    }
}
