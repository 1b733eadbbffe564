namespace Migrations.Runner.Scaffolding;

/// <summary>
/// The files <c>new</c> writes: the migration class, and (for a database whose versions are
/// constants) its versions class with the new constant. Nothing is written until <see cref="Write"/>.
/// </summary>
public sealed record ScaffoldPlan(string Database, string ClassName, long Version, string FilePath, string FileText)
{
    /// <summary>The versions class's file and its text with the new constant; null for workspace (its attributes hold the number).</summary>
    public (string Path, string Constant, string Text)? VersionsFile { get; init; }

    /// <summary>A warning worth a line: a version chosen below the newest.</summary>
    public string? Note { get; init; }

    /// <summary>Writes the class (never over an existing file), then the constant; a failure of the second removes the first.</summary>
    public void Write()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        try
        {
            using (var file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(FileText);
            }
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            throw new UsageException($"new: {FilePath} exists; choose another --name");
        }

        if (VersionsFile is not { } versions)
        {
            return;
        }

        try
        {
            File.WriteAllText(versions.Path, versions.Text);
        }
        catch
        {
            File.Delete(FilePath);
            throw;
        }
    }
}
