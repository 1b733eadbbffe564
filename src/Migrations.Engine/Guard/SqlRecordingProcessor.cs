using System.Globalization;
using System.Reflection;
using FluentMigrator;

namespace Migrations.Engine.Guard;

/// <summary>
/// A processor that only writes down the SQL an expression hands it (<c>Execute</c>) and runs
/// nothing, so the guard reads a script exactly as FluentMigrator would execute it: the
/// embedded resource or file FluentMigrator resolves, with its parameters replaced. Anything
/// else an expression asks of it is refused.
/// </summary>
public class SqlRecordingProcessor : DispatchProxy
{
    private readonly List<string> _statements = [];

    public IReadOnlyList<string> Statements => _statements;

    public static (IMigrationProcessor Processor, SqlRecordingProcessor Recorder) Create()
    {
        var proxy = Create<IMigrationProcessor, SqlRecordingProcessor>();
        return (proxy, (SqlRecordingProcessor)(object)proxy);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name, args)
        {
            case ("Execute", [string sql]):
                _statements.Add(sql);
                return null;

            // As FluentMigrator's processors format a template.
            case ("Execute", [string template, object?[] values]):
                _statements.Add(string.Format(CultureInfo.InvariantCulture, template, values));
                return null;
            case ("Dispose", _):
                return null;
            default:
                throw new NotSupportedException($"the data-loss guard only reads the SQL an expression executes, not {targetMethod?.Name}");
        }
    }
}
