namespace Migrations.Engine.Running;

/// <summary>One line of a script: a statement to run, or a comment for the reviewer (without its <c>--</c>).</summary>
public sealed record ScriptLine(string Text, bool IsComment);
