namespace Migrations.Engine.Running;

/// <summary>
/// Every statement our processors send (or, in preview, would send), in order: the script of a
/// <c>script</c> run, the statement named when a migration fails, and the SQL of <c>--verbose</c>.
/// One per FluentMigrator scope.
/// </summary>
public sealed class StatementLog
{
    private readonly List<string> _statements = [];

    /// <summary>Called with each statement as it is recorded (for logging), or null.</summary>
    public Action<string>? Observer { get; set; }

    /// <summary>Whether statements are kept (a script run) or only the last one.</summary>
    public bool Keep { get; set; }

    public string? Last { get; private set; }

    public IReadOnlyList<string> Statements => _statements;

    public void Record(string sql)
    {
        Last = sql;
        if (Keep)
        {
            _statements.Add(sql);
        }

        Observer?.Invoke(sql);
    }

    /// <summary>A comment line for the script (a migration's header, a destructive step).</summary>
    public void Comment(string text)
    {
        if (Keep)
        {
            _statements.Add("-- " + text.Replace("\n", " ", StringComparison.Ordinal));
        }
    }
}
