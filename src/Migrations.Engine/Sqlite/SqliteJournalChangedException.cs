namespace Migrations.Engine.Sqlite;

/// <summary>
/// The journal changed under this run: another run, which reached the same file by another path
/// or without the run lock, applied or rolled back migrations after this run read it.
/// </summary>
public sealed class SqliteJournalChangedException(string database, IReadOnlyCollection<long> applied, IReadOnlyCollection<long> removed)
    : MigrationException($"{database}: another run {Changes(applied, removed)} since this run read the journal (it reached this file by another path, " +
                         "such as a hard link, or without the run lock); this run stopped before changing anything twice: run it again to see what is left")
{
    private static string Changes(IReadOnlyCollection<long> applied, IReadOnlyCollection<long> removed) => string.Join(" and ",
        new[] { Versions("applied", applied), Versions("rolled back", removed) }.Where(s => s is not null));

    private static string? Versions(string what, IReadOnlyCollection<long> versions) => versions.Count switch
    {
        0 => null,
        1 => $"{what} version {versions.First()}",
        _ => $"{what} versions {string.Join(", ", versions)}",
    };
}
