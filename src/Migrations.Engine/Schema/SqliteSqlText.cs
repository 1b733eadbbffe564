using System.Text;

namespace Migrations.Engine.Schema;

/// <summary>
/// SQLite keeps each object's SQL as it was written (and as <c>ALTER TABLE ... RENAME</c> rewrote
/// it), so two tools that made the same object leave different text. This is the text with the
/// differences that carry no meaning taken out: case and identifier quotes outside string
/// literals, and layout.
/// </summary>
public static class SqliteSqlText
{
    public static string Normalize(string sql)
    {
        var text = new StringBuilder(sql.Length);
        var inLiteral = false;
        var pendingSpace = false;
        foreach (var c in sql)
        {
            if (inLiteral)
            {
                text.Append(c);
                inLiteral = c != '\'';
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (c is '"' or '`' or '[' or ']')
            {
                continue;
            }

            // No space is meaning beside punctuation: "t ( a , b )" and "t(a,b)" are one list.
            if (pendingSpace && c is not ('(' or ')' or ',' or ';') && text[^1] is not ('(' or ','))
            {
                text.Append(' ');
            }

            pendingSpace = false;
            inLiteral = c == '\'';
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString().TrimEnd(';');
    }

    /// <summary>The CHECK expressions of a CREATE TABLE, each without its keyword and outer parentheses, normalised.</summary>
    public static IEnumerable<string> Checks(string createTable)
    {
        var sql = Normalize(createTable);
        var start = 0;
        while ((start = IndexOfCheck(sql, start)) >= 0)
        {
            var open = sql.IndexOf('(', start);
            var close = MatchingParenthesis(sql, open);
            if (open < 0 || close < 0)
            {
                yield break;
            }

            yield return sql[(open + 1)..close].Trim();
            start = close;
        }
    }

    // "check" as a keyword: not inside a literal, not part of a longer name.
    private static int IndexOfCheck(string sql, int from)
    {
        var inLiteral = false;
        for (var i = from; i < sql.Length; i++)
        {
            if (sql[i] == '\'')
            {
                inLiteral = !inLiteral;
            }
            else if (!inLiteral && string.CompareOrdinal(sql, i, "check", 0, 5) == 0
                     && (i == 0 || !IsNamePart(sql[i - 1])) && (i + 5 >= sql.Length || !IsNamePart(sql[i + 5])))
            {
                return i;
            }
        }

        return -1;
    }

    private static int MatchingParenthesis(string sql, int open)
    {
        if (open < 0)
        {
            return -1;
        }

        var depth = 0;
        var inLiteral = false;
        for (var i = open; i < sql.Length; i++)
        {
            switch (sql[i])
            {
                case '\'':
                    inLiteral = !inLiteral;
                    break;
                case '(' when !inLiteral:
                    depth++;
                    break;
                case ')' when !inLiteral && --depth == 0:
                    return i;
            }
        }

        return -1;
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
