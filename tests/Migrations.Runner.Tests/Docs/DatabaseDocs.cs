namespace Migrations.Runner.Tests.Docs;

/// <summary>
/// The generated parts of docs/databases/*.md: the ER diagram section between its markers, and the
/// Mermaid blocks inside it.
/// </summary>
internal static class DatabaseDocs
{
    public const string DiagramBegin = "<!-- diagram:begin -->";

    public const string DiagramEnd = "<!-- diagram:end -->";

    public static readonly string[] Databases = ["claims", "filetrack", "junkquote", "clearway", "workspace"];

    public static string PathOf(string database) => Path.Combine(RunnerProcess.RepositoryRoot, "docs", "databases", database + ".md");

    /// <summary>The lines between the doc's diagram markers, each ending in a newline, as build/diagrams.sh writes them.</summary>
    public static string DiagramSection(string database)
    {
        var lines = File.ReadAllLines(PathOf(database));
        var begin = Array.IndexOf(lines, DiagramBegin);
        var end = Array.IndexOf(lines, DiagramEnd);
        Assert.That(begin >= 0 && end > begin, $"{PathOf(database)} has no {DiagramBegin} ... {DiagramEnd} section");
        return string.Concat(lines[(begin + 1)..end].Select(line => line + "\n"));
    }

    /// <summary>The text of every ```mermaid block in <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<string> MermaidBlocks(string markdown)
    {
        var blocks = new List<string>();
        System.Text.StringBuilder? block = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (block is null && line.TrimEnd() == "```mermaid")
            {
                block = new System.Text.StringBuilder();
            }
            else if (block is not null && line.TrimEnd() == "```")
            {
                blocks.Add(block.ToString());
                block = null;
            }
            else
            {
                block?.Append(line).Append('\n');
            }
        }

        return blocks;
    }
}
