using System.Text;
using Migrations.Engine.Dialects;

namespace Migrations.Engine.Running;

/// <summary>Collects the statements of a scripted run as SQL a person can review and psql or sqlite3 can run.</summary>
public sealed class ScriptWriter(SqlQuoter quoter)
{
    private readonly StringBuilder _text = new();

    public void Comment(string line) => _text.Append("-- ").AppendLine(line);

    public void Add(SqlStatement statement)
    {
        var sql = statement.Sql;
        // Parameters become literals through the dialect's quoting; longer names first so @a never eats @ab.
        foreach (var (name, value) in statement.Parameters.OrderByDescending(p => p.Key.Length))
        {
            sql = sql.Replace("@" + name, quoter.QuoteValue(value), StringComparison.Ordinal);
        }

        _text.Append(sql.TrimEnd().TrimEnd(';')).AppendLine(";");
    }

    public override string ToString() => _text.ToString();
}
