namespace Migrations.Engine.D1;

/// <summary>
/// What one migration (or profile) ran on the working copy, to be sent to D1 as one batch:
/// its statements in order (its journal row among them), the journal's DDL (so a D1 without our
/// journal gets it in the same batch), whether it rebuilt a table, and its wrangler name.
/// </summary>
public sealed record D1Batch(
    IReadOnlyList<string> Statements,
    IReadOnlyList<string> JournalDdl,
    bool Rebuilt,
    long? Version,
    string? Name,
    bool Up)
{
    /// <summary>wrangler's own journal, created as wrangler creates it.</summary>
    public const string CreateD1Migrations = """
        CREATE TABLE IF NOT EXISTS d1_migrations(
        		id         INTEGER PRIMARY KEY AUTOINCREMENT,
        		name       TEXT UNIQUE,
        		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
        )
        """;

    /// <summary>
    /// D1 fails a batch on an error, not on rows a PRAGMA returns: a NOT NULL column that receives
    /// NULL when <c>foreign_key_check</c> finds a violation turns those rows into an error.
    /// </summary>
    public static readonly IReadOnlyList<string> ForeignKeyCheck =
    [
        "CREATE TABLE _d1_foreign_key_check (violations_found_by_foreign_key_check INTEGER NOT NULL)",
        "INSERT INTO _d1_foreign_key_check SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check) THEN NULL ELSE 1 END",
        "DROP TABLE _d1_foreign_key_check",
    ];

    /// <summary>The statements of a wrangler migration file: ours and our journal row; wrangler writes d1_migrations itself.</summary>
    public IReadOnlyList<string> ForWranglerFile() => [.. JournalDdl, .. Statements, .. (Rebuilt ? ForeignKeyCheck : [])];

    /// <summary>The statements sent by <c>migrate</c>/<c>rollback</c>: the lease check first, then the file's, then wrangler's journal row.</summary>
    public IReadOnlyList<string> ForExecute(string? leaseCheck)
    {
        var statements = new List<string>();
        if (leaseCheck is not null)
        {
            statements.Add(leaseCheck);
        }

        statements.AddRange(ForWranglerFile());
        if (Name is not null)
        {
            statements.Add(CreateD1Migrations);
            statements.Add(Up
                ? $"INSERT INTO d1_migrations (name) VALUES ({Authoring.Sql.Literal(Name)})"
                : $"DELETE FROM d1_migrations WHERE name = {Authoring.Sql.Literal(Name)}");
        }

        return statements;
    }

    /// <summary>One SQL text wrangler splits into statements: each ends with <c>;</c> on its own line after a trailing line comment.</summary>
    public static string Text(IEnumerable<string> statements) =>
        string.Concat(statements.Select(s =>
        {
            var statement = s.TrimEnd().TrimEnd(';');
            var lastLine = statement[(statement.LastIndexOf('\n') + 1)..];
            return statement + (lastLine.Contains("--", StringComparison.Ordinal) ? "\n;\n" : ";\n");
        }));
}
