using Migrations.Testing;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// The commands a database's "Adopting the live database" section tells its users to run, each as
/// the real runner process with exactly the documented options: the database by name, the live
/// connection, the Production environment (and, for migrate, the backup Production requires).
/// </summary>
public sealed class AdoptionCommands(string database, TestDatabase live) : IDisposable
{
    private readonly string _work = RunnerProcess.TempDirectory();

    public Task<RunnerProcess.Result> RunAsync(string command, params string[] options) =>
        RunnerProcess.RunAsync(_work, null, [command, "--database", database, "--connection", live.ConnectionString, "--environment", "Production", .. options]);

    public Task<RunnerProcess.Result> BaselineDryRunAsync() => RunAsync("baseline", "--dry-run");

    public Task<RunnerProcess.Result> BaselineAsync() => RunAsync("baseline");

    public Task<RunnerProcess.Result> MigrateAsync() => RunAsync("migrate", "--backup", "backups");

    /// <summary>The backups migrate wrote (pg_dump files) in the working directory.</summary>
    public IReadOnlyList<string> Backups => Directory.Exists(Path.Combine(_work, "backups")) ? Directory.GetFiles(Path.Combine(_work, "backups")) : [];

    /// <summary>Whether our journal exists at all (a dry run or a refusal creates none).</summary>
    public bool JournalExists => live.Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'migrations' AND table_name = 'VersionInfo'") > 0;

    /// <summary>Our journal's rows: version and the baseline evidence (null for a row migrate wrote).</summary>
    public IReadOnlyList<(long Version, string? Baseline)> Journal =>
        live.Query($"SELECT \"Version\", \"Baseline\" FROM {live.Journal} ORDER BY \"Version\"")
            .Select(r => (Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture), (string?)r[1])).ToArray();

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
