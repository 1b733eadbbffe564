namespace Migrations.Engine.Sqlite;

/// <summary>One table constraint of a CREATE TABLE: its optional name, kind, local columns and referenced table.</summary>
public sealed record SqliteConstraintItem(string? Name, string Kind, IReadOnlyList<string> Columns, string? ReferencedTable, string Sql)
{
    private static readonly string[] Kinds = ["PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];

    public static bool StartsConstraint(IReadOnlyList<SqlToken> tokens) =>
        tokens.Count > 0 && (tokens[0].Is("CONSTRAINT") || Kinds.Any(k => tokens[0].Is(k)));

    public static SqliteConstraintItem Parse(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var index = 0;
        string? name = null;
        if (tokens[0].Is("CONSTRAINT"))
        {
            name = tokens[1].Unquoted;
            index = 2;
        }

        var kind = tokens[index].Text.ToUpperInvariant();
        var columns = kind == "CHECK" ? IdentifiersIn(tokens, index) : ColumnsOfFirstGroup(tokens, index);
        var references = tokens.SkipWhile(t => !t.Is("REFERENCES")).Skip(1).FirstOrDefault()?.Unquoted;
        return new SqliteConstraintItem(name, kind, columns, references, sql);
    }

    public bool Involves(string column) => Columns.Contains(column, StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyList<string> ColumnsOfFirstGroup(IReadOnlyList<SqlToken> tokens, int from)
    {
        var open = tokens.Skip(from).TakeWhile(t => t.Text != "(").Count() + from;
        return tokens.Skip(open + 1).TakeWhile(t => t.Text != ")").Where(t => t.IsIdentifier && !t.Is("ASC") && !t.Is("DESC") && !t.Is("COLLATE"))
            .Select(t => t.Unquoted).ToArray();
    }

    // A CHECK's "columns" are every identifier in its expression: enough to tell whether it mentions a column.
    private static IReadOnlyList<string> IdentifiersIn(IReadOnlyList<SqlToken> tokens, int from) =>
        tokens.Skip(from + 1).Where(t => t.IsIdentifier).Select(t => t.Unquoted).ToArray();
}
