using System.Text.RegularExpressions;

namespace Migrations.Runner.Tests.New;

/// <summary>
/// <c>new</c> run as a process by the built runner, into a temporary copy of each database's
/// project: the file, namespace, version and attribute it writes, and what it refuses (exit 2,
/// one line, nothing written).
/// </summary>
public sealed partial class NewCommandTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = RunnerProcess.TempDirectory();

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    private static IEnumerable<NewCommandCase> Cases => NewCommandCase.All;

    private string CopyOf(NewCommandCase database) => SourceCopy.Project(database.Project, Path.Combine(_root, database.Project));

    private Task<RunnerProcess.Result> New(string project, params string[] args) =>
        RunnerProcess.RunAsync(_root, null, ["new", .. args, "--project", project]);

    [TestCaseSource(nameof(Cases))]
    public async Task It_writes_a_migration_in_the_database_layout_with_the_next_version_of_its_scheme(NewCommandCase database)
    {
        var project = CopyOf(database);
        var before = DateTime.UtcNow;

        var result = await New(project, "--database", database.Database, "--name", "add_widgets");

        var after = DateTime.UtcNow;
        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        var path = Path.Combine(project, "Migrations", database.ClassName + ".cs");
        Assert.That(result.StandardOutput.Trim(), Is.EqualTo(path), "stdout is the path written");
        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.Contain($"\nnamespace {database.Namespace};\n"));
        Assert.That(text, Does.Contain($"\npublic sealed class {database.ClassName} : Migration\n"));

        var version = VersionIn(result.StandardError);
        Assert.That(version, Is.InRange(database.VersionAt(before), database.VersionAt(after)), RunnerProcess.Describe(result));
        Assert.That(text, Does.Match($@"\[Migration\({Regex.Escape(database.AttributeVersion(version))}, ""[^""]+""\)\]"));
        if (database.VersionsClass is { } versionsClass)
        {
            var constants = await File.ReadAllTextAsync(Path.Combine(project, versionsClass + ".cs"));
            Assert.That(Regex.Replace(constants, "(?<=[0-9])_(?=[0-9])", ""), Does.Contain($"public const long AddWidgets = {version};"));
        }

        // Loud until written: both methods throw, with a sentence naming the class.
        Assert.That(text, Does.Contain($"public override void Up() =>\n        throw new NotImplementedException(\"{database.ClassName} is not written yet (scaffolded by the new command): write its Up() before running migrate\");"));
        Assert.That(text, Does.Contain($"public override void Down() =>\n        throw new NotImplementedException(\"{database.ClassName} is not written yet (scaffolded by the new command): write its Down() before rolling it back\");"));
    }

    [Test]
    public async Task A_second_migration_of_the_same_day_takes_the_next_number()
    {
        var claims = CopyOf(NewCommandCase.All[0]);
        var workspace = CopyOf(NewCommandCase.All[^1]);

        var first = VersionIn((await New(claims, "--database", "claims", "--name", "AddWidgets")).StandardError);
        var second = await New(claims, "--database", "claims", "--name", "AddGadgets");
        var w1 = await New(workspace, "--database", "workspace", "--name", "AddWidgets");
        var w2 = await New(workspace, "--database", "workspace", "--name", "AddGadgets", "--tag", "Production", "--tag", "Staging");

        Assert.That(VersionIn(second.StandardError), Is.EqualTo(first + 1), RunnerProcess.Describe(second));
        Assert.That(w1.StandardOutput.Trim(), Does.EndWith("M0029_AddWidgets.cs"), RunnerProcess.Describe(w1));
        Assert.That(w2.StandardOutput.Trim(), Does.EndWith("M0030_AddGadgets.cs"), RunnerProcess.Describe(w2));
        var tagged = await File.ReadAllTextAsync(w2.StandardOutput.Trim());
        Assert.That(tagged, Does.Contain("[Migration(30, \"0030_add_gadgets (Production and Staging)\")]\n[Tags(TagBehavior.RequireAny, \"Production\", \"Staging\")]"));
    }

    [Test]
    public async Task A_chosen_version_is_taken_when_it_fits_the_scheme_and_is_free()
    {
        var project = CopyOf(NewCommandCase.All[0]);

        var result = await New(project, "--database", "claims", "--name", "Hotfix", "--migration-version", "202601010007", "--description", "Hotfix: index on \"claims\"");

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(project, "Migrations", "Hotfix.cs")), Does.Contain("[Migration(ClaimsVersions.Hotfix, \"Hotfix: index on \\\"claims\\\"\")]"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(project, "ClaimsVersions.cs")), Does.Contain("public const long Hotfix = 202601010007;"));
    }

    [TestCase("claims", "--name", "CreateReportQueue", "error: --name: claims already has a class CreateReportQueue; choose another name")]
    [TestCase("workspace", "--name", "InitCore", "error: --name: workspace already has a class M0001_InitCore; choose another name")]
    [TestCase("claims", "--migration-version", "202601010006", "error: --migration-version: claims already has migration 202601010006 (CreateReportQueue)")]
    [TestCase("workspace", "--migration-version", "26", "error: --migration-version: workspace already has migration 26 (M0026_ThreadsAndInvites)")]
    [TestCase("clearway", "--migration-version", "202511170001", "error: --migration-version: 202511170001 does not fit clearway's versions (YYYYMMDDNN): YYYYMMDDNN has 10 digits")]
    [TestCase("filetrack", "--migration-version", "20251301000000", "error: --migration-version: 20251301000000 does not fit filetrack's versions (YYYYMMDDHHMMSS): 20251301000000 is not a YYYYMMDDHHMMSS time")]
    [TestCase("claims", "--name", "2fa", "error: --name: '2fa' cannot be a class name: use letters and digits, starting with a letter (AddWidgets or add_widgets)")]
    [TestCase("claims", "--name", "Migration", "error: --name: 'Migration' would hide Migration of the migrations' own code; choose another name")]
    [TestCase("claims", "--tag", "a,b", "error: --tag: 'a,b' is not a tag name (letters, digits, '_', '-' and '.'; the journal keeps a run's tags comma-separated)")]
    public async Task It_refuses_a_clash_or_a_bad_value_with_one_line_and_exit_2_and_writes_nothing(string databaseName, string option, string value, string error)
    {
        var database = NewCommandCase.All.Single(c => c.Database == databaseName);
        var project = CopyOf(database);
        var before = Snapshot(project);
        string[] args = option == "--name" ? ["--database", databaseName, option, value] : ["--database", databaseName, "--name", "AddWidgets", option, value];

        var result = await New(project, args);

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Is.EqualTo(error + Environment.NewLine), RunnerProcess.Describe(result));
        Assert.That(result.StandardOutput, Is.Empty);
        Assert.That(Snapshot(project), Is.EqualTo(before), "nothing written");
    }

    [Test]
    public async Task It_refuses_to_write_over_an_existing_file()
    {
        var project = CopyOf(NewCommandCase.All[0]);
        var existing = Path.Combine(project, "Migrations", "AddWidgets.cs");
        await File.WriteAllTextAsync(existing, "// kept\n");
        var before = Snapshot(project);

        var result = await New(project, "--database", "claims", "--name", "AddWidgets");

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Is.EqualTo($"error: new: {existing} exists; choose another --name{Environment.NewLine}"));
        Assert.That(Snapshot(project), Is.EqualTo(before));
    }

    [Test]
    public async Task A_dry_run_prints_the_class_and_writes_nothing()
    {
        var project = CopyOf(NewCommandCase.All[3]);
        var before = Snapshot(project);

        var result = await New(project, "--database", "clearway", "--name", "AddWidgets", "--description", "the widget tables", "--dry-run");

        Assert.That(result.ExitCode, Is.Zero, RunnerProcess.Describe(result));
        Assert.That(result.StandardOutput, Does.StartWith("using FluentMigrator;\n\nnamespace Migrations.Clearway;\n"));
        Assert.That(result.StandardOutput, Does.Contain("[Migration(ClearwayVersions.AddWidgets, \"add_widgets: the widget tables\")]"));
        Assert.That(result.StandardError, Does.Contain($"would write migration {VersionIn(result.StandardError)} AddWidgets to {Path.Combine(project, "Migrations", "AddWidgets.cs")} (dry run, nothing written)"));
        Assert.That(Snapshot(project), Is.EqualTo(before));
    }

    [Test]
    public async Task Outside_the_repository_without_a_project_it_says_where_to_run_it()
    {
        var result = await RunnerProcess.RunAsync(_root, null, "new", "--database", "claims", "--name", "AddWidgets");

        Assert.That(result.ExitCode, Is.EqualTo(2), RunnerProcess.Describe(result));
        Assert.That(result.StandardError, Is.EqualTo($"error: new: no Migrations.sln in {_root} or above it; run it in the repository or give --project DIR{Environment.NewLine}"));
    }

    [Test]
    public async Task Help_lists_new_and_its_options()
    {
        var root = await RunnerProcess.RunAsync(_root, null, "--help");
        var help = await RunnerProcess.RunAsync(_root, null, "new", "--help");

        Assert.That(root.StandardOutput, Does.Contain("new "));
        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.StandardOutput, Does.Contain("--database").And.Contain("--name").And.Contain("--migration-version").And.Contain("--dry-run").And.Contain("--project").And.Contain("--tag"));
    }

    /// <summary>The version from the "wrote migration V" / "would write migration V" line.</summary>
    private static long VersionIn(string standardError) => long.Parse(WroteLine().Match(standardError).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    [GeneratedRegex(@"(?:wrote|would write) migration (\d+) ")]
    private static partial Regex WroteLine();
}
