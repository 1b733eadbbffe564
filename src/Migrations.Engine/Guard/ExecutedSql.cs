using FluentMigrator.Expressions;

namespace Migrations.Engine.Guard;

/// <summary>
/// The SQL text FluentMigrator would execute for <c>Execute.Sql</c>, <c>Execute.Script</c> or
/// <c>Execute.EmbeddedScript</c>: the expression runs against a <see cref="SqlRecordingProcessor"/>,
/// so FluentMigrator itself finds the resource (through its <c>IEmbeddedResourceProvider</c>s) or
/// the file (under its root path) and replaces the <c>$(name)</c> parameters.
/// </summary>
public static class ExecutedSql
{
    /// <summary>
    /// The text, or the empty string when FluentMigrator cannot read the script (no such resource or
    /// file): running the step then fails the same way, and its transaction rolls back.
    /// </summary>
    public static string Of(ExecuteSqlScriptExpressionBase expression)
    {
        var (processor, recorder) = SqlRecordingProcessor.Create();
        try
        {
            expression.ExecuteWith(processor);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or IOException or UnauthorizedAccessException)
        {
            // A statement that does more than hand over its SQL is still measured by the SQL it holds.
            return expression is ExecuteSqlStatementExpression statement ? statement.SqlStatement : "";
        }

        return string.Join(";\n", recorder.Statements);
    }
}
