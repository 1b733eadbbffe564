namespace Migrations.Runner.Tests.New;

/// <summary>Copies parts of the repository into a temporary directory, without build output, so a test may add files and build there.</summary>
public static class SourceCopy
{
    private static readonly string[] Skipped = ["bin", "obj"];

    /// <summary>One database's project folder (src/Migrations.Claims) into <paramref name="target"/>.</summary>
    public static string Project(string project, string target) => Tree(Path.Combine(RunnerProcess.RepositoryRoot, "src", project), target);

    /// <summary>What building src/Migrations.Runner needs: the root files and src/, into <paramref name="target"/>.</summary>
    public static string Repository(string target)
    {
        foreach (var file in new[] { "Migrations.sln", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(RunnerProcess.RepositoryRoot, file), Path.Combine(target, file));
        }

        foreach (var project in Directory.GetDirectories(Path.Combine(RunnerProcess.RepositoryRoot, "src")))
        {
            Tree(project, Path.Combine(target, "src", Path.GetFileName(project)));
        }

        return target;
    }

    private static string Tree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var child in Directory.GetDirectories(source).Where(d => !Skipped.Contains(Path.GetFileName(d))))
        {
            Tree(child, Path.Combine(target, Path.GetFileName(child)));
        }

        return target;
    }
}
