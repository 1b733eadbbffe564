using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Runner.Tests.Docs;

/// <summary>
/// Every ER diagram in docs/databases renders with the real mermaid-cli (what GitHub's renderer
/// is built on), and each picture stays readable at page width: the hand-drawn ones were
/// 5,300-7,900 px wide.
/// </summary>
public sealed partial class DiagramRenderTests
{
    // About two screens of a wide monitor; a picture wider than this is shrunk past reading.
    private const double MaxReadableWidth = 1600;

    [OneTimeSetUp]
    public void RequireMermaidCli() => MermaidCli.RequireInstalled();

    [TestCaseSource(typeof(DatabaseDocs), nameof(DatabaseDocs.Databases))]
    public async Task Every_diagram_of_the_doc_renders_within_page_width(string database)
    {
        var blocks = DatabaseDocs.MermaidBlocks(await File.ReadAllTextAsync(DatabaseDocs.PathOf(database)));
        Assert.That(blocks, Is.Not.Empty, $"docs/databases/{database}.md has no Mermaid diagram");

        var widths = await RenderAsync(DatabaseDocs.PathOf(database));

        Assert.That(widths, Has.Count.EqualTo(blocks.Count), "one picture per Mermaid block");
        Assert.That(widths, Has.All.LessThanOrEqualTo(MaxReadableWidth), $"picture widths in px: {string.Join(", ", widths)}");
    }

    [Test]
    public async Task A_diagram_mermaid_cannot_parse_fails_the_render()
    {
        var directory = RunnerProcess.TempDirectory();
        try
        {
            var doc = Path.Combine(directory, "broken.md");
            // Two keys after one column and an unclosed entity: what a bad writer change would print.
            await File.WriteAllTextAsync(doc, "```mermaid\nerDiagram\n    Lead {\n        text id PK FK FK \"a\" \"b\"\n    Lead ||--o{ Job : \"x\"\n```\n");

            var (exit, output) = await MermaidCli.RenderAsync(doc, Path.Combine(directory, "out.md"));

            Assert.That(exit, Is.Not.Zero, output);
            Assert.That(output, Does.Contain("Parse error"), output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<double>> RenderAsync(string doc)
    {
        var directory = RunnerProcess.TempDirectory();
        try
        {
            var (exit, output) = await MermaidCli.RenderAsync(doc, Path.Combine(directory, "doc.md"));
            Assert.That(exit, Is.Zero, output);

            return Directory.GetFiles(directory, "doc-*.svg")
                .Order(StringComparer.Ordinal)
                .Select(svg => WidthOf(File.ReadAllText(svg), svg))
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // mermaid sizes the picture by its viewBox: "min-x min-y width height".
    private static double WidthOf(string svg, string file)
    {
        var match = ViewBox().Match(svg);
        Assert.That(match.Success, $"{file} has no viewBox");
        return double.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""viewBox="[-\d.]+ [-\d.]+ (?<width>[\d.]+) [\d.]+""")]
    private static partial Regex ViewBox();
}
