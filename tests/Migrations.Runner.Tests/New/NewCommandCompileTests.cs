using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Migrations.Runner.Tests.New;

/// <summary>
/// The scaffolded classes in the real projects: <c>new</c> writes one for each database into a
/// temporary copy of the repository, the runner is built there (warnings are errors), and that
/// runner's <c>migrate</c> stops at the stub with the stub's sentence, exit 1, before changing
/// anything of a database the real runner had migrated to its latest version.
/// </summary>
[NonParallelizable]
public sealed class NewCommandCompileTests
{
    private string _root = null!;
    private string _copy = null!;
    private string _migrated = null!;

    private static IEnumerable<NewCommandCase> Cases => NewCommandCase.All;

    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private string CopiedRunner => Path.Combine(_copy, "src", "Migrations.Runner", "bin", Configuration, "net10.0", "Migrations.Runner.dll");

    [OneTimeSetUp]
    public async Task ScaffoldAndBuild()
    {
        _root = RunnerProcess.TempDirectory();
        _copy = SourceCopy.Repository(Directory.CreateDirectory(Path.Combine(_root, "repo")).FullName);
        foreach (var database in NewCommandCase.All)
        {
            // Run inside the copy, as a developer would: it finds src/Migrations.<Db> from Migrations.sln.
            var scaffold = await RunnerProcess.RunAsync(Path.Combine(_copy, "src"), null, "new", "--database", database.Database, "--name", "AddWidgets");
            Assert.That(scaffold.ExitCode, Is.Zero, RunnerProcess.Describe(scaffold));
        }

        await DotnetCli.RunAsync(_copy, null, "build", Path.Combine("src", "Migrations.Runner", "Migrations.Runner.csproj"), "-c", Configuration, "--nologo", "-v", "q");

        // Every database at its latest version, by the runner without the stubs.
        _migrated = Path.Combine(_root, "migrated");
        var migrate = await RunnerProcess.RunAsync(_root, Data(_migrated), "migrate");
        Assert.That(migrate.ExitCode, Is.Zero, RunnerProcess.Describe(migrate));
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_root, recursive: true);

    [TestCaseSource(nameof(Cases))]
    public async Task Migrate_stops_at_the_unwritten_migration_and_changes_nothing(NewCommandCase database)
    {
        var data = Path.Combine(_root, "run-" + database.Database);
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, database.Database + ".db");
        File.Copy(Path.Combine(_migrated, database.Database + ".db"), file);
        var before = Contents(file);

        var status = await Run(data, "status", "--database", database.Database, "--json");
        var migrate = await Run(data, "migrate", "--database", database.Database);

        Assert.That(status.ExitCode, Is.Zero, RunnerProcess.Describe(status));
        using var json = System.Text.Json.JsonDocument.Parse(status.StandardOutput);
        var pending = json.RootElement.EnumerateArray().Where(r => r.GetProperty("state").GetString() == "pending").ToArray();
        Assert.That(pending.Select(r => r.GetProperty("description").GetString()), Has.Exactly(1).Items, "the stub is pending");
        var version = pending[0].GetProperty("version").GetInt64();

        Assert.That(migrate.ExitCode, Is.EqualTo(1), RunnerProcess.Describe(migrate));
        Assert.That(migrate.StandardError, Does.Contain(
            $"error: {database.Database}: migration {version}: {database.ClassName} failed: {database.ClassName} is not written yet (scaffolded by the new command): write its Up() before running migrate"),
            RunnerProcess.Describe(migrate));
        Assert.That(RunnerProcess.StepLines(migrate, database.Database, "applied", version), Is.Zero);
        Assert.That(Contents(file), Is.EqualTo(before), "the database is as the real runner left it");
    }

    private static Dictionary<string, string> Data(string directory) => new() { ["Migrations__DataDirectory"] = directory };

    private async Task<RunnerProcess.Result> Run(string data, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CopiedRunner);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Migrations__DataDirectory"] = data;
        using var process = Process.Start(start)!;
        return await RunnerProcess.FinishAsync(process);
    }

    // The journal and every schema object, as text: what "untouched" means here.
    private static List<string> Contents(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master UNION ALL SELECT 'journal ' || Version || ' ' || AppliedOn FROM VersionInfo ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
