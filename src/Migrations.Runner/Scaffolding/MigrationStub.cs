using System.Text;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// The text of a new migration class in its database's layout. Up() and Down() throw until they
/// are written: a migrate that reaches the class fails before it changes anything, instead of
/// journaling an empty step that would then never run its real Up().
/// </summary>
public static class MigrationStub
{
    /// <summary>The sentence the stub's Up() throws; the tests and the README quote it.</summary>
    public static string NotWritten(string className, string method, string then) =>
        $"{className} is not written yet (scaffolded by the new command): write its {method}() before {then}";

    /// <param name="version">The attribute's first argument: a constant (ClaimsVersions.AddWidgets) or the number.</param>
    public static string Write(DatabaseLayout layout, string className, string version, string description, IReadOnlyList<string> tags)
    {
        var text = new StringBuilder()
            .AppendLine("using FluentMigrator;")
            .AppendLine()
            .AppendLine($"namespace {layout.Namespace};")
            .AppendLine()
            .AppendLine("/// <summary>")
            .AppendLine($"/// {CSharpText.Xml(description)}.")
            .AppendLine("/// TODO: say what it changes and why, then write Up() and Down().")
            .AppendLine("/// </summary>")
            .AppendLine($"[Migration({version}, \"{CSharpText.Literal(description)}\")]");
        if (tags.Count == 1)
        {
            text.AppendLine($"[Tags(\"{CSharpText.Literal(tags[0])}\")]");
        }
        else if (tags.Count > 1)
        {
            text.AppendLine($"[Tags(TagBehavior.RequireAny, {string.Join(", ", tags.Select(t => $"\"{CSharpText.Literal(t)}\""))})]");
        }

        return text
            .AppendLine($"public sealed class {className} : Migration")
            .AppendLine("{")
            .AppendLine("    public override void Up() =>")
            .AppendLine($"        throw new NotImplementedException(\"{CSharpText.Literal(NotWritten(className, "Up", "running migrate"))}\");")
            .AppendLine()
            .AppendLine("    public override void Down() =>")
            .AppendLine($"        throw new NotImplementedException(\"{CSharpText.Literal(NotWritten(className, "Down", "rolling it back"))}\");")
            .AppendLine("}")
            .ToString();
    }
}
