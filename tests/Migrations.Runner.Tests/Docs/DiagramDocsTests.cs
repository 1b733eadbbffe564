namespace Migrations.Runner.Tests.Docs;

/// <summary>
/// Each database doc's ER diagram is exactly what <c>diagram --migrated --tag Production</c> prints
/// today, so a migration that changes the schema fails the build until build/diagrams.sh is run.
/// </summary>
public sealed class DiagramDocsTests
{
    [TestCaseSource(typeof(DatabaseDocs), nameof(DatabaseDocs.Databases))]
    public async Task The_docs_diagram_is_what_the_diagram_command_prints(string database)
    {
        // From a scratch directory: the embedded default must not make data/ in the repository.
        var directory = RunnerProcess.TempDirectory();
        try
        {
            var result = await RunnerProcess.RunAsync(directory, null, "diagram", "--database", database, "--migrated", "--tag", "Production");

            Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
            Assert.That(DatabaseDocs.MermaidBlocks(result.StandardOutput), Is.Not.Empty, "diagram printed no picture");
            Assert.That(DatabaseDocs.DiagramSection(database), Is.EqualTo(result.StandardOutput),
                $"docs/databases/{database}.md no longer shows the schema the migrations make: run `bash build/diagrams.sh` and commit the doc");
            Assert.That(Directory.EnumerateFileSystemEntries(directory), Is.Empty, "--migrated must not touch the live database");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
