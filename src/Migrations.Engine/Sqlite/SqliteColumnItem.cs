namespace Migrations.Engine.Sqlite;

/// <summary>One column item of a CREATE TABLE, with the facts a rebuild needs read from its tokens.</summary>
public sealed record SqliteColumnItem(string Name, string Sql)
{
    private readonly string _sql = Sql;
    private IReadOnlyList<SqlToken>? _tokens;

    /// <summary>The item as written; replacing it (<c>with { Sql = ... }</c>) re-reads its tokens.</summary>
    public string Sql
    {
        get => _sql;
        init
        {
            _sql = value;
            _tokens = null;
        }
    }

    private IReadOnlyList<SqlToken> Tokens => _tokens ??= SqlTokenizer.Tokenize(_sql);

    public static SqliteColumnItem Parse(string sql) => new(SqlTokenizer.Tokenize(sql)[0].Unquoted, sql);

    public bool IsNotNull => HasSequence("NOT", "NULL");

    public bool IsPrimaryKey => HasSequence("PRIMARY", "KEY");

    public bool IsAutoIncrement => TopLevel().Any(t => t.Is("AUTOINCREMENT"));

    public bool IsGenerated => TopLevel().Any(t => t.Is("GENERATED")) || TopLevel().Any(t => t.Is("AS") && Next(t)?.Text == "(");

    /// <summary>True when the column carries a constraint SQLite's DROP COLUMN refuses (PK, UNIQUE, REFERENCES, CHECK, GENERATED).</summary>
    public bool HasBlockingConstraint =>
        IsPrimaryKey || IsGenerated || TopLevel().Any(t => t.Is("UNIQUE") || t.Is("REFERENCES") || t.Is("CHECK"));

    /// <summary>The column's own CHECK clauses as written (<c>CHECK (...)</c>), in order.</summary>
    public IReadOnlyList<string> CheckClauses
    {
        get
        {
            var clauses = new List<string>();
            foreach (var keyword in TopLevel().Where(t => t.Is("CHECK")))
            {
                var open = IndexOf(keyword) + 1;
                clauses.Add(Sql[keyword.Start..MatchingClose(open).End]);
            }

            return clauses;
        }
    }

    /// <summary>The DEFAULT clause's value as written, or null.</summary>
    public string? DefaultText
    {
        get
        {
            var (start, end) = DefaultSpan();
            return start < 0 ? null : Sql[start..end].Trim();
        }
    }

    /// <summary>This column without its DEFAULT clause.</summary>
    public SqliteColumnItem WithoutDefault()
    {
        var keyword = TopLevel().FirstOrDefault(t => t.Is("DEFAULT"));
        if (keyword is null)
        {
            return this;
        }

        var (_, end) = DefaultSpan();
        return this with { Sql = (Sql[..keyword.Start].TrimEnd() + " " + Sql[end..].TrimStart()).Trim() };
    }

    /// <summary>
    /// This column with DEFAULT <paramref name="valueSql"/>: the old value replaced in place, or a new
    /// clause where FluentMigrator writes one (after NOT NULL, before PRIMARY KEY).
    /// </summary>
    public SqliteColumnItem WithDefault(string valueSql)
    {
        var (start, end) = DefaultSpan();
        if (start >= 0)
        {
            return this with { Sql = Sql[..start] + valueSql + Sql[end..] };
        }

        var top = TopLevel().ToList();
        var notNull = top.Zip(top.Skip(1)).Where(p => p.First.Is("NOT") && p.Second.Is("NULL")).Select(p => p.Second).FirstOrDefault();
        var clause = "DEFAULT " + valueSql;
        if (notNull is not null)
        {
            return this with { Sql = Sql[..notNull.End] + " " + clause + Sql[notNull.End..] };
        }

        return top.FirstOrDefault(t => t.Is("PRIMARY")) is { } primary
            ? this with { Sql = Sql[..primary.Start] + clause + " " + Sql[primary.Start..] }
            : this with { Sql = Sql.TrimEnd() + " " + clause };
    }

    private (int Start, int End) DefaultSpan()
    {
        var keyword = TopLevel().FirstOrDefault(t => t.Is("DEFAULT"));
        if (keyword is null)
        {
            return (-1, -1);
        }

        var index = IndexOf(keyword) + 1;
        var first = Tokens[index];
        if (first.Text == "(")
        {
            return (first.Start, MatchingClose(index).End);
        }

        // A signed number is two tokens; anything else (literal, keyword) is one.
        var last = first.Text is "-" or "+" ? Tokens[index + 1] : first;
        return (first.Start, last.End);
    }

    private bool HasSequence(string first, string second)
    {
        var top = TopLevel().ToList();
        return top.Zip(top.Skip(1)).Any(pair => pair.First.Is(first) && pair.Second.Is(second));
    }

    // Tokens outside parentheses, after the column name: the column's own clauses.
    private IEnumerable<SqlToken> TopLevel()
    {
        var depth = 0;
        foreach (var token in Tokens.Skip(1))
        {
            if (token.Text == "(")
            {
                depth++;
            }
            else if (token.Text == ")")
            {
                depth--;
            }
            else if (depth == 0)
            {
                yield return token;
            }
        }
    }

    private int IndexOf(SqlToken token) => Tokens.ToList().IndexOf(token);

    private SqlToken? Next(SqlToken token)
    {
        var index = IndexOf(token) + 1;
        return index < Tokens.Count ? Tokens[index] : null;
    }

    private SqlToken MatchingClose(int openIndex)
    {
        var depth = 0;
        for (var i = openIndex; i < Tokens.Count; i++)
        {
            depth += Tokens[i].Text switch { "(" => 1, ")" => -1, _ => 0 };
            if (depth == 0)
            {
                return Tokens[i];
            }
        }

        throw new FormatException($"Unbalanced parentheses in column: {Sql}");
    }
}
