namespace Migrations.Engine.Running;

/// <summary>
/// Every statement our processors send (or, in preview, would send), in order: the script of a
/// <c>script</c> run, the statement named when a migration fails, and the SQL of <c>--verbose</c>.
/// One per FluentMigrator scope.
/// </summary>
public sealed class StatementLog
{
    private readonly List<ScriptLine> _lines = [];
    private readonly List<string> _ofThisMigration = [];

    /// <summary>Called with each statement as it is recorded (for logging), or null.</summary>
    public Action<string>? Observer { get; set; }

    /// <summary>Whether statements are kept (a script run) or only the last one.</summary>
    public bool Keep { get; set; }

    public string? Last { get; private set; }

    /// <summary>What was kept, statements and comments told apart (a statement may itself start with a comment).</summary>
    public IReadOnlyList<ScriptLine> Lines => _lines;

    /// <summary>The kept lines as text, comments with their <c>--</c>.</summary>
    public IReadOnlyList<string> Statements => _lines.Select(l => l.IsComment ? "-- " + l.Text : l.Text).ToArray();

    /// <summary>The statements sent since the current migration started, the last one included.</summary>
    public IReadOnlyList<string> OfThisMigration => _ofThisMigration;

    /// <summary>Forgets the last statement, so a migration that fails before its first statement names none of the previous one's.</summary>
    public void StartMigration()
    {
        Last = null;
        _ofThisMigration.Clear();
    }

    public void Record(string sql)
    {
        Last = sql;
        _ofThisMigration.Add(sql);
        if (Keep)
        {
            _lines.Add(new ScriptLine(sql, IsComment: false));
        }

        Observer?.Invoke(sql);
    }

    /// <summary>A comment line for the script (a migration's header, a destructive step).</summary>
    public void Comment(string text)
    {
        if (Keep)
        {
            _lines.Add(new ScriptLine(text.Replace("\n", " ", StringComparison.Ordinal), IsComment: true));
        }
    }
}
