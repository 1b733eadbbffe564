using System.Globalization;
using System.Text;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// The text of a new migration class in its database's layout. Up() and Down() throw until
/// written, so a migrate that reaches it fails loudly instead of recording an empty step.
/// </summary>
public static class MigrationStub
{
    public static string Write(DatabaseLayout layout, string className, long version, string description)
    {
        var v = version.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .AppendLine("using FluentMigrator;")
            .AppendLine()
            .AppendLine($"namespace {layout.Namespace};")
            .AppendLine()
            .AppendLine("/// <summary>")
            .AppendLine($"/// {Escape(description)}")
            .AppendLine("/// TODO: say why this change is needed; then add the version to the conformance test's list.")
            .AppendLine("/// </summary>")
            .AppendLine($"[Migration({v}, \"{Literal(description)}\")]")
            .AppendLine($"public sealed class {className} : Migration")
            .AppendLine("{")
            .AppendLine($"    public override void Up() => throw new NotImplementedException(\"write Up() for {className} ({layout.Database} {v})\");")
            .AppendLine()
            .AppendLine($"    public override void Down() => throw new NotImplementedException(\"write Down() for {className} ({layout.Database} {v})\");")
            .AppendLine("}");
        return text.ToString();
    }

    private static string Literal(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
