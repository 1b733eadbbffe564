using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Migrations.Runner.Tests;

/// <summary>
/// The runner as a dotnet tool: packed, installed into a temporary tool path from a local feed
/// only (no network), and run as `migrations` from a directory that is not the tool's own.
/// </summary>
[NonParallelizable]
public sealed class DotnetToolTests
{
    private const string PackageId = "Migrations.Runner";
    private const string Version = "1.0.0";

    private string _root = "";
    private string _work = "";
    private string _tool = "";

    [OneTimeSetUp]
    public async Task PackAndInstall()
    {
        _root = RunnerProcess.TempDirectory();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        _work = Directory.CreateDirectory(Path.Combine(_root, "work")).FullName;

        // The test build has just built the runner in this configuration; packing it again is the slow part.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        await DotnetCli.RunAsync(RunnerProcess.RepositoryRoot, null, "pack", Path.Combine("src", "Migrations.Runner", "Migrations.Runner.csproj"),
            "--no-build", "-c", configuration, "-o", feed, "--nologo");
        Assert.That(File.Exists(Path.Combine(feed, $"{PackageId}.{Version}.nupkg")), Is.True, "the package");

        // Only the local feed, and a package cache of its own: the install neither reaches the
        // network nor takes a stale copy of the same id and version from the machine's cache.
        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config,
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>");
        var toolPath = Path.Combine(_root, "tools");
        await DotnetCli.RunAsync(_root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") },
            "tool", "install", "--tool-path", toolPath, "--configfile", config, PackageId, "--version", Version);
        _tool = Path.Combine(toolPath, "migrations");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public void The_package_carries_the_settings_files()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_root, "feed", $"{PackageId}.{Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToArray();
        Assert.That(entries, Does.Contain("tools/net10.0/any/appsettings.json"));
        Assert.That(entries, Does.Contain("tools/net10.0/any/appsettings.Production.json"));
    }

    [Test]
    public async Task The_installed_tool_migrates_a_sqlite_file_and_reports_its_status()
    {
        var file = Path.Combine(_root, "c.db");
        var connection = $"Data Source={file}";

        var migrate = await Run("migrate", "--database", "claims", "--connection", connection, "--environment", "Development");

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        // The Development tags and seed profile are in appsettings.json: seen only when the tool found it.
        Assert.That(migrate.StandardError, Does.Contain("tags [Development]").And.Contain("profile DevelopmentSeed ran"), RunnerProcess.Describe(migrate));
        Assert.That(JournalRows(file), Is.EqualTo(new[]
        {
            (202601010001L, "Development"), (202601010002L, "Development"), (202601010003L, "Development"),
            (202601010004L, "Development"), (202601010005L, "Development"), (202601010006L, "Development"),
        }));

        var status = await Run("status", "--database", "claims", "--connection", connection, "--environment", "Development");

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain("claims: at version 202601010006; 6 applied, 0 pending, 0 skipped"), RunnerProcess.Describe(status));
    }

    private static List<(long Version, string Environment)> JournalRows(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version, Environment FROM VersionInfo ORDER BY Version";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    private async Task<RunnerProcess.Result> Run(params string[] args)
    {
        var start = new ProcessStartInfo(_tool, args)
        {
            WorkingDirectory = _work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return await RunnerProcess.FinishAsync(process);
    }
}
