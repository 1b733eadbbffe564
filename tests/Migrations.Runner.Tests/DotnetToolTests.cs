using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using FluentMigrator;
using Microsoft.Data.Sqlite;
using Migrations.Runner.Configuration;

namespace Migrations.Runner.Tests;

/// <summary>
/// The runner as a dotnet tool: packed into a temporary feed, installed with
/// <c>dotnet tool install --tool-path --add-source</c> (the machine's feeds cleared, and a package
/// cache of its own, so nothing but this package is used), and run as <c>migrations</c> from a
/// directory that is not the tool's own, on the embedded SQLite default.
/// </summary>
[NonParallelizable]
public sealed class DotnetToolTests
{
    private const string PackageId = "Migrations.FiveDatabases.Runner";
    private const string Version = "1.0.0";

    private string _root = "";
    private string _tool = "";

    private string Package => Path.Combine(_root, "feed", $"{PackageId}.{Version}.nupkg");

    [OneTimeSetUp]
    public async Task PackAndInstall()
    {
        _root = RunnerProcess.TempDirectory();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;

        // The test build has just built the runner in this configuration: pack what it built.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        await DotnetCli.RunAsync(RunnerProcess.RepositoryRoot, null, "pack", Path.Combine("src", "Migrations.Runner", "Migrations.Runner.csproj"),
            "--no-build", "-c", configuration, "-o", feed, "--nologo");

        // The README's command, run where a nuget.config clears the machine's feeds: offline, and
        // never a public package of the same id.
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        var toolPath = Path.Combine(_root, "tools");
        await DotnetCli.RunAsync(_root, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") },
            "tool", "install", "--tool-path", toolPath, "--add-source", feed, PackageId, "--version", Version);
        _tool = Path.Combine(toolPath, "migrations");
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [Test]
    public void The_package_is_the_migrations_command_with_all_five_databases_and_the_settings()
    {
        using var package = ZipFile.OpenRead(Package);
        var entries = package.Entries.Select(e => e.FullName).ToArray();

        Assert.That(entries, Is.SupersetOf(KnownDatabases.All.Select(d => $"tools/net10.0/any/{d.AssemblyName}.dll")));
        Assert.That(entries, Is.SupersetOf(new[] { "tools/net10.0/any/appsettings.json", "tools/net10.0/any/appsettings.Production.json" }));
        using var settings = new StreamReader(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        Assert.That(settings.ReadToEnd(), Does.Contain("<Command Name=\"migrations\" EntryPoint=\"Migrations.Runner.dll\""));
    }

    [Test]
    public async Task The_installed_tool_migrates_all_five_databases_on_sqlite_and_reports_their_status()
    {
        var work = Directory.CreateDirectory(Path.Combine(_root, "work-migrate")).FullName;
        var data = Path.Combine(_root, "data");

        var migrate = await Run(work, data, "migrate");

        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
        foreach (var (name, assemblyName) in KnownDatabases.All)
        {
            var rows = JournalRows(Path.Combine(data, name + ".db"));
            Assert.That(rows.Select(r => r.Version), Is.EqualTo(DevelopmentVersions(assemblyName)), name);
            Assert.That(rows.Select(r => r.Environment), Is.All.EqualTo("Development"), name);
        }

        var status = await Run(work, data, "status", "--fail-on-pending");

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain("claims: at version 202601010006; 6 applied, 0 pending, 0 skipped"), RunnerProcess.Describe(status));
        Assert.That(status.StandardOutput, Does.Contain("workspace: at version 27;").And.Contain("0 pending, 1 skipped"), RunnerProcess.Describe(status));
    }

    [Test]
    public async Task The_installed_tool_scaffolds_a_migration_too()
    {
        var work = Directory.CreateDirectory(Path.Combine(_root, "work-new")).FullName;
        var project = New.SourceCopy.Project("Migrations.Workspace", Path.Combine(work, "Migrations.Workspace"));

        var result = await Run(work, Path.Combine(work, "data"), "new", "--database", "workspace", "--name", "AddWidgets", "--project", project);

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(Path.Combine(project, "Migrations", "M0029_AddWidgets.cs")));
    }

    // What migrate applies in Development: every migration without tags or tagged Development (none requires more than one tag).
    private static IEnumerable<long> DevelopmentVersions(string assemblyName) =>
        Assembly.Load(assemblyName).GetTypes()
            .Select(t => (Migration: t.GetCustomAttribute<MigrationAttribute>(), Tags: t.GetCustomAttributes<TagsAttribute>().SelectMany(a => a.TagNames).ToArray()))
            .Where(t => t.Migration is not null && (t.Tags.Length == 0 || t.Tags.Contains("Development")))
            .Select(t => t.Migration!.Version)
            .Order();

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

    private async Task<RunnerProcess.Result> Run(string workingDirectory, string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(_tool, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["Migrations__DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        return await RunnerProcess.FinishAsync(process);
    }
}
