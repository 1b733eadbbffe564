namespace Migrations.Runner.Scaffolding;

/// <summary>
/// Adds a version constant to a database's versions class (<c>ClaimsVersions</c>), after the
/// existing ones, as the other migrations' versions are kept: the attribute names the constant,
/// and a test or a later migration can refer to it.
/// </summary>
public static class VersionConstants
{
    /// <summary>The file's text with the constant added before the class's closing brace.</summary>
    public static string Add(string fileText, string versionsClass, string name, string literal, string description, string className)
    {
        var end = fileText.LastIndexOf('}');
        if (!fileText.Contains($"static class {versionsClass}", StringComparison.Ordinal) || end < 0)
        {
            throw new UsageException($"new: the file of {versionsClass} does not declare it as a static class; add the version by hand or move the file back");
        }

        var newline = fileText.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return fileText[..end].TrimEnd() + newline + newline
            + $"    /// <summary>{CSharpText.Xml(description)} (<see cref=\"{className}\"/>).</summary>{newline}"
            + $"    public const long {name} = {literal};{newline}"
            + "}" + fileText[(end + 1)..];
    }
}
