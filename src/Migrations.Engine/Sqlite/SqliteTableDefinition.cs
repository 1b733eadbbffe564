namespace Migrations.Engine.Sqlite;

/// <summary>
/// A table's CREATE TABLE statement split into its column and constraint items, each kept as the
/// original text. A rebuild edits the list (replace a column, add or remove a constraint) and
/// writes it back, so anything the engine does not understand survives untouched.
/// </summary>
public sealed class SqliteTableDefinition
{
    private SqliteTableDefinition(string prefix, List<SqliteColumnItem> columns, List<SqliteConstraintItem> constraints, string suffix)
    {
        Prefix = prefix;
        Columns = columns;
        Constraints = constraints;
        Suffix = suffix;
    }

    /// <summary>Table options after the closing parenthesis, such as WITHOUT ROWID or STRICT.</summary>
    public string Suffix { get; }

    private string Prefix { get; }

    public List<SqliteColumnItem> Columns { get; }

    public List<SqliteConstraintItem> Constraints { get; }

    public static SqliteTableDefinition Parse(string createTableSql)
    {
        var tokens = SqlTokenizer.Tokenize(createTableSql);
        var open = tokens.FirstOrDefault(t => t.Text == "(")
            ?? throw new FormatException($"Not a CREATE TABLE statement with columns: {createTableSql}");
        var items = new List<(int Start, int End)>();
        int depth = 0, itemStart = open.End, close = -1;
        foreach (var token in tokens.SkipWhile(t => t != open).Skip(1))
        {
            if (token.Text == "(")
            {
                depth++;
            }
            else if (token.Text == ")" && depth-- == 0)
            {
                items.Add((itemStart, token.Start));
                close = token.End;
                break;
            }
            else if (token.Text == "," && depth == 0)
            {
                items.Add((itemStart, token.Start));
                itemStart = token.End;
            }
        }

        if (close < 0)
        {
            throw new FormatException($"Unbalanced parentheses in: {createTableSql}");
        }

        var columns = new List<SqliteColumnItem>();
        var constraints = new List<SqliteConstraintItem>();
        foreach (var (start, end) in items)
        {
            var text = createTableSql[start..end].Trim();
            var itemTokens = SqlTokenizer.Tokenize(text);
            if (SqliteConstraintItem.StartsConstraint(itemTokens))
            {
                constraints.Add(SqliteConstraintItem.Parse(text));
            }
            else
            {
                columns.Add(SqliteColumnItem.Parse(text));
            }
        }

        return new SqliteTableDefinition(createTableSql[..open.Start], columns, constraints, createTableSql[close..].Trim());
    }

    public SqliteColumnItem? Column(string name) => Columns.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The CREATE TABLE statement for this definition under another name.</summary>
    public string ToCreateSql(string quotedTableName) =>
        $"CREATE TABLE {quotedTableName} ({string.Join(", ", Columns.Select(c => c.Sql).Concat(Constraints.Select(c => c.Sql)))})" +
        (Suffix.Length > 0 ? " " + Suffix : "");

    public override string ToString() => Prefix + "(...)";
}
