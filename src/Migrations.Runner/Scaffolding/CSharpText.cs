namespace Migrations.Runner.Scaffolding;

/// <summary>Text put into generated C#: inside a string literal, or inside a doc comment.</summary>
public static class CSharpText
{
    public static string Literal(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    public static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
