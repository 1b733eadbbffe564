using System.Text;

namespace Migrations.Engine.Running;

/// <summary>Collects the statements of a scripted run as SQL a person can review and psql or sqlite3 can run.</summary>
public sealed class ScriptWriter
{
    private readonly StringBuilder _text = new();

    public ScriptWriter(string title) => Comment($"{title}, generated {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC");

    public void Comment(string line) => _text.Append("-- ").AppendLine(line);

    /// <summary>Statements as recorded (comment lines, written by <see cref="StatementLog.Comment"/>, kept as they are).</summary>
    public void AddAll(IEnumerable<string> statements)
    {
        foreach (var statement in statements)
        {
            if (statement.StartsWith("-- ", StringComparison.Ordinal))
            {
                _text.AppendLine(statement);
            }
            else
            {
                _text.Append(statement.TrimEnd().TrimEnd(';')).AppendLine(";");
            }
        }
    }

    public override string ToString() => _text.ToString();
}
