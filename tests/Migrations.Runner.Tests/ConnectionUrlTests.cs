namespace Migrations.Runner.Tests;

/// <summary>
/// Regression: a Prisma user's <c>DATABASE_URL</c> (<c>postgresql://user:password@host/db</c>)
/// passed as <c>--connection</c> was taken for a SQLite path, so baseline opened a new local file
/// named after the URL (password included) and said the live schema had nothing to record.
/// </summary>
public sealed class ConnectionUrlTests
{
    [TestCase("postgresql://app:secret@db.example.com:5432/claims")]
    [TestCase("postgres://app:secret@db.example.com/claims?sslmode=require")]
    public async Task A_postgres_url_is_refused_with_the_form_the_runner_takes_and_no_file_is_made(string url)
    {
        var work = RunnerProcess.TempDirectory();
        try
        {
            var result = await RunnerProcess.RunAsync(work, null, "baseline", "--database", "claims", "--connection", url, "--environment", "Production", "--dry-run");

            Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
            Assert.That(result.StandardError, Does.Contain("claims: the connection is a postgresql:// URL (as Prisma's DATABASE_URL); the runner takes Npgsql's form: Host=..."));
            Assert.That(result.All, Does.Not.Contain("secret"), "the password is never printed");
            Assert.That(Directory.EnumerateFileSystemEntries(work), Is.Empty, "nothing was created where the runner ran");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
