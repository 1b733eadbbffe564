namespace Migrations.Engine.D1;

/// <summary>
/// <c>script --provider d1 --out DIR</c>: one wrangler migration file per migration, named as
/// wrangler's journal names it (<see cref="D1MigrationName"/>), holding exactly the statements our
/// <c>migrate</c> sends, our journal row included (so <c>status</c> and <c>drift</c> stay honest after
/// <c>wrangler d1 migrations apply</c>, which writes <c>d1_migrations</c> itself). No lease check:
/// wrangler's apply has its own journal, and our journal's primary key refuses a second row.
/// </summary>
public static class D1MigrationFiles
{
    /// <summary>Writes the files once every one is known (a failed script writes none); returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<D1Batch> batches)
    {
        var files = batches.Where(b => b.Name is not null && b.Up)
            .Select(b => (Path: Path.Combine(directory, b.Name!), Text: $"-- {b.Name}: written by the migrations runner (script --provider d1); wrangler d1 migrations apply runs it as one batch\n" + D1Batch.Text(b.ForWranglerFile())))
            .ToArray();
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in files)
        {
            File.WriteAllText(path, text);
        }

        return files.Select(f => f.Path).ToArray();
    }
}
