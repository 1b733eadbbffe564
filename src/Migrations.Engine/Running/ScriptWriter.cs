using System.Text;

namespace Migrations.Engine.Running;

/// <summary>Collects the statements of a scripted run as SQL a person can review and psql or sqlite3 can run.</summary>
public sealed class ScriptWriter
{
    private readonly StringBuilder _header = new();
    private readonly StringBuilder _text = new();

    public ScriptWriter(string title) => Notice($"{title}, generated {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");

    public void Comment(string line) => _text.Append("-- ").AppendLine(line);

    /// <summary>A comment for the top of the script, under the title, however late the run learns it (what making the script changed on the server).</summary>
    public void Notice(string line) => _header.Append("-- ").AppendLine(line);

    /// <summary>Statements, each ended with <c>;</c> (one that opens with a comment too).</summary>
    public void AddAll(IEnumerable<string> statements) => AddAll(statements.Select(s => new ScriptLine(s, IsComment: false)));

    /// <summary>Statements and comments as a run recorded them.</summary>
    public void AddAll(IEnumerable<ScriptLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.IsComment)
            {
                Comment(line.Text);
            }
            else
            {
                var statement = line.Text.TrimEnd().TrimEnd(';');
                // A statement whose last line ends in a line comment would swallow the ';'.
                var lastLine = statement[(statement.LastIndexOf('\n') + 1)..];
                _text.Append(statement).AppendLine(lastLine.Contains("--", StringComparison.Ordinal) ? "\n;" : ";");
            }
        }
    }

    public override string ToString() => _header.ToString() + _text;
}
