using Migrations.Engine.Dialects.Sqlite;

namespace Migrations.Engine.Expressions;

/// <summary>
/// Finds the statements in raw SQL that destroy data (DROP TABLE, TRUNCATE, DELETE FROM,
/// ALTER TABLE ... DROP COLUMN), so the data-loss guard can measure them too. DELETE is measured
/// as every row of its table: an upper bound, said as such.
/// </summary>
public static class SqlDataLossScanner
{
    public static IEnumerable<DataLossProbe> Scan(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (Is(tokens, i, "DROP", "TABLE"))
            {
                var at = Skip(tokens, i + 2, "IF", "EXISTS");
                while (Name(tokens, ref at) is { } table)
                {
                    yield return new DataLossProbe(table.Schema, table.Name, $"drop table {table.Display}");
                    if (at >= tokens.Count || tokens[at].Text != ",")
                    {
                        break;
                    }

                    at++;
                }
            }
            else if (tokens[i].Is("TRUNCATE"))
            {
                var at = Skip(tokens, i + 1, "TABLE");
                at = Skip(tokens, at, "ONLY");
                if (Name(tokens, ref at) is { } table)
                {
                    yield return new DataLossProbe(table.Schema, table.Name, $"truncate {table.Display}");
                }
            }
            else if (Is(tokens, i, "DELETE", "FROM"))
            {
                var at = Skip(tokens, i + 2, "ONLY");
                if (Name(tokens, ref at) is { } table)
                {
                    yield return new DataLossProbe(table.Schema, table.Name, $"delete from {table.Display} (counted as every row)");
                }
            }
            else if (Is(tokens, i, "ALTER", "TABLE"))
            {
                var at = Skip(tokens, Skip(tokens, i + 2, "IF", "EXISTS"), "ONLY");
                if (Name(tokens, ref at) is { } table && at < tokens.Count && tokens[at].Is("DROP"))
                {
                    var column = Skip(tokens, Skip(tokens, at + 1, "COLUMN"), "IF", "EXISTS");
                    if (column < tokens.Count && tokens[column].IsIdentifier && !tokens[column].Is("CONSTRAINT"))
                    {
                        var name = tokens[column].Unquoted;
                        yield return new DataLossProbe(table.Schema, table.Name, $"drop column {table.Display}.{name}") { ColumnName = name };
                    }
                }
            }
        }
    }

    private static bool Is(IReadOnlyList<SqlToken> tokens, int at, string first, string second) =>
        at + 1 < tokens.Count && tokens[at].Is(first) && tokens[at + 1].Is(second);

    private static int Skip(IReadOnlyList<SqlToken> tokens, int at, params string[] words)
    {
        var next = at;
        foreach (var word in words)
        {
            if (next >= tokens.Count || !tokens[next].Is(word))
            {
                return at;
            }

            next++;
        }

        return next;
    }

    private static (string? Schema, string Name, string Display)? Name(IReadOnlyList<SqlToken> tokens, ref int at)
    {
        if (at >= tokens.Count || !tokens[at].IsIdentifier)
        {
            return null;
        }

        var first = tokens[at++].Unquoted;
        if (at + 1 < tokens.Count && tokens[at].Text == "." && tokens[at + 1].IsIdentifier)
        {
            var second = tokens[at + 1].Unquoted;
            at += 2;
            return (first, second, $"{first}.{second}");
        }

        return (null, first, first);
    }
}
