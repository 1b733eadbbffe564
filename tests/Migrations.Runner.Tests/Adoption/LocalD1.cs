using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Migrations.Runner.Tests.Adoption;

/// <summary>
/// A SQLite file shaped as wrangler's local D1 keeps one (WAL mode, D1's <c>_cf_METADATA</c>,
/// wrangler's <c>d1_migrations</c> as wrangler 4.86 creates it), into which migration files are
/// applied as <c>wrangler d1 migrations apply</c> does: each file one atomic batch together with
/// its <c>d1_migrations</c> row. The files are the team's, as our <c>script</c> writes each
/// migration, with wrangler's journal row in place of ours; sqlite3 runs them.
/// </summary>
public static partial class LocalD1
{
    // wrangler's own text (d1 export prints it back the same).
    public const string JournalTable = """
        CREATE TABLE d1_migrations(
        		id         INTEGER PRIMARY KEY AUTOINCREMENT,
        		name       TEXT UNIQUE,
        		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
        );
        """;

    private const string Metadata = "CREATE TABLE _cf_METADATA (\n        key INTEGER PRIMARY KEY,\n        value BLOB\n      );";

    /// <summary>One wrangler migration file: its name (<c>0001_init_core.sql</c>) and the SQL of its batch.</summary>
    public sealed record MigrationFile(string Name, string Sql);

    /// <summary>
    /// Splits a <c>script</c> of a migrate from empty into one file per migration, named by the
    /// migration's description (workspace's are the wrangler file names), our journal's statements
    /// replaced by wrangler's row.
    /// </summary>
    public static IReadOnlyList<MigrationFile> FilesOf(string script)
    {
        var files = new List<(string Name, List<string> Lines)>();
        var preamble = 0;
        foreach (var line in script.Split('\n'))
        {
            if (Header().Match(line) is { Success: true } header)
            {
                files.Add((header.Groups["file"].Value, []));
            }
            else if (files.Count == 0)
            {
                preamble += line.Contains("\"VersionInfo\"", StringComparison.Ordinal) ? 1 : 0;
            }
            else if (line.StartsWith("INSERT INTO \"VersionInfo\"", StringComparison.Ordinal))
            {
                files[^1].Lines.Add($"INSERT INTO d1_migrations (name) VALUES ({Literal(files[^1].Name)});");
            }
            else
            {
                files[^1].Lines.Add(line);
            }
        }

        if (preamble != 2 || files.Any(f => f.Lines.Count(l => l.StartsWith("INSERT INTO d1_migrations", StringComparison.Ordinal)) != 1))
        {
            throw new InvalidOperationException("the script's shape changed: expected our journal's table and index first, then one journal row per migration");
        }

        return files.Select(f => new MigrationFile(f.Name, string.Join("\n", f.Lines))).ToArray();
    }

    /// <summary>A new local-D1 file at <paramref name="path"/> with <paramref name="files"/> applied in order.</summary>
    public static void Create(string path, IEnumerable<MigrationFile> files)
    {
        Sqlite3(path, $"PRAGMA journal_mode = WAL;\n{Metadata}\n{JournalTable}");
        foreach (var file in files)
        {
            Sqlite3(path, file.Sql);
        }
    }

    /// <summary>wrangler's journal, every column rendered as a SQL literal, and its table's SQL: byte-for-byte evidence.</summary>
    public const string JournalSnapshot =
        "SELECT sql FROM sqlite_master WHERE name = 'd1_migrations' UNION ALL SELECT * FROM (SELECT quote(id) || '|' || quote(name) || '|' || quote(applied_at) FROM d1_migrations ORDER BY id)";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Sqlite3(string path, string sql)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start (build/test.sh installs it)");
        process.StandardInput.Write(sql);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 {path} exited {process.ExitCode}: {error}{output.Result}\n{sql[..Math.Min(sql.Length, 400)]}");
        }
    }

    [GeneratedRegex(@"^-- \d+: \S+ \(up\): (?<file>\S+)$")]
    private static partial Regex Header();
}
