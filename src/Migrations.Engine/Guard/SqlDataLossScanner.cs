using Migrations.Engine.Sqlite;

namespace Migrations.Engine.Guard;

/// <summary>
/// Finds the statements in raw SQL (<c>Execute.Sql</c>) that destroy data: DROP TABLE, TRUNCATE,
/// DELETE FROM and ALTER TABLE ... DROP [COLUMN]. A DELETE is measured as every row of its table,
/// an upper bound, and says so. Comments, strings and dollar-quoted bodies are not statements here.
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
                foreach (var table in Names(tokens, Skip(tokens, i + 2, "IF", "EXISTS")))
                {
                    yield return new DataLossProbe(table.Schema, table.Name, $"drop table {table.Display}") { DropsTable = true };
                }
            }
            else if (tokens[i].Is("TRUNCATE"))
            {
                foreach (var table in Names(tokens, Skip(tokens, Skip(tokens, i + 1, "TABLE"), "ONLY")))
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
                if (Name(tokens, ref at) is not { } table)
                {
                    continue;
                }

                foreach (var column in DroppedColumns(tokens, at))
                {
                    yield return new DataLossProbe(table.Schema, table.Name, $"drop column {table.Display}.{column}") { ColumnName = column };
                }
            }
        }
    }

    /// <summary>The columns the actions of one ALTER TABLE drop (PostgreSQL takes several, comma-separated; COLUMN is optional).</summary>
    private static IEnumerable<string> DroppedColumns(IReadOnlyList<SqlToken> tokens, int at)
    {
        var depth = 0;
        var actionStart = true;
        for (var i = at; i < tokens.Count && !(depth == 0 && tokens[i].Text == ";"); i++)
        {
            var text = tokens[i].Text;
            if (actionStart && depth == 0 && tokens[i].Is("DROP"))
            {
                var column = Skip(tokens, Skip(tokens, i + 1, "COLUMN"), "IF", "EXISTS");
                // "DROP CONSTRAINT fk" drops no values; "DROP COLUMN constraint" would name a column.
                if (column < tokens.Count && tokens[column].IsIdentifier && !(column == i + 1 && tokens[column].Is("CONSTRAINT")))
                {
                    yield return Identifier(tokens[column]);
                }
            }

            depth += text == "(" ? 1 : text == ")" ? -1 : 0;
            actionStart = depth == 0 && text == ",";
        }
    }

    /// <summary>A comma-separated list of table names from <paramref name="at"/>.</summary>
    private static IEnumerable<(string? Schema, string Name, string Display)> Names(IReadOnlyList<SqlToken> tokens, int at)
    {
        while (Name(tokens, ref at) is { } table)
        {
            yield return table;
            if (at >= tokens.Count || tokens[at].Text != ",")
            {
                yield break;
            }

            at++;
        }
    }

    private static (string? Schema, string Name, string Display)? Name(IReadOnlyList<SqlToken> tokens, ref int at)
    {
        if (at >= tokens.Count || !tokens[at].IsIdentifier)
        {
            return null;
        }

        var first = Identifier(tokens[at++]);
        if (at + 1 < tokens.Count && tokens[at].Text == "." && tokens[at + 1].IsIdentifier)
        {
            var second = Identifier(tokens[at + 1]);
            at += 2;
            return (first, second, $"{first}.{second}");
        }

        return (null, first, first);
    }

    // An unquoted name means its lower-case form in PostgreSQL; SQLite ignores case either way.
    private static string Identifier(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier ? token.Unquoted : token.Text.ToLowerInvariant();

    private static bool Is(IReadOnlyList<SqlToken> tokens, int at, string first, string second) =>
        at + 1 < tokens.Count && tokens[at].Is(first) && tokens[at + 1].Is(second);

    /// <summary>Past <paramref name="words"/> when they all follow at <paramref name="at"/>; otherwise <paramref name="at"/>.</summary>
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
}
