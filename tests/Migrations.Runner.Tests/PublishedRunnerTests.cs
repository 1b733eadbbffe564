using System.Diagnostics;
using Migrations.Testing;

namespace Migrations.Runner.Tests;

/// <summary>The release artefact: the self-contained single-file runner build/publish.sh produces.</summary>
public sealed class PublishedRunnerTests
{
    [Test]
    public async Task The_published_single_file_runner_migrates_postgres_given_only_a_connection_string_and_an_environment()
    {
        var output = RunnerProcess.TempDirectory();
        using var db = TestDatabase.Create(Provider.Postgres);
        try
        {
            var publish = Process.Start(new ProcessStartInfo("bash", $"build/publish.sh")
            {
                WorkingDirectory = RunnerProcess.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PUBLISH_OUTPUT"] = output },
            })!;
            var log = publish.StandardOutput.ReadToEndAsync();
            var errors = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync();
            Assert.That(publish.ExitCode, Is.Zero, await log + await errors);
            var runner = Path.Combine(output, "Migrations.Runner");
            Assert.That(File.Exists(runner), Is.True);
            Assert.That(Directory.GetFiles(output, "*.dll"), Is.Empty, "one file: every assembly is bundled");

            var start = new ProcessStartInfo(runner, ["migrate", "--database", "junkquote", "--connection", db.ConnectionString, "--backup", Path.Combine(output, "backups")])
            {
                WorkingDirectory = output,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["DOTNET_ENVIRONMENT"] = "Production" },
            };
            using var run = Process.Start(start)!;
            var runError = run.StandardError.ReadToEndAsync();
            await run.StandardOutput.ReadToEndAsync();
            await run.WaitForExitAsync();

            Assert.That(run.ExitCode, Is.Zero, await runError);
            Assert.That(Harness.JournalVersions(db), Has.Count.EqualTo(3));
            Assert.That(db.Scalar("SELECT \"Environment\" FROM \"migrations\".\"VersionInfo\" ORDER BY \"Version\" LIMIT 1"), Is.EqualTo("Production"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
