namespace Migrations.Runner.Tests;

/// <summary>The README's first command: no configuration at all gives five migrated SQLite databases.</summary>
public sealed class EmbeddedDefaultTests
{
    [Test]
    public async Task Migrate_with_no_configuration_migrates_all_five_databases_into_sqlite_files_under_data()
    {
        var work = RunnerProcess.TempDirectory();
        try
        {
            var result = await RunnerProcess.RunAsync(work, null, "migrate");

            Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
            foreach (var name in new[] { "claims", "filetrack", "junkquote", "clearway", "workspace" })
            {
                Assert.That(File.Exists(Path.Combine(work, "data", name + ".db")), Is.True, name);
                Assert.That(result.StandardError, Does.Match($"{name} +done in"));
            }

            var status = await RunnerProcess.RunAsync(work, null, "status", "--fail-on-pending");
            Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
            Assert.That(status.StandardOutput, Does.Contain("workspace:").And.Contain("0026_threads_and_invites.sql").And.Not.Match(@"\n\s+\d+  pending"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
