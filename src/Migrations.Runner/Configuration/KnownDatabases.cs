using System.Reflection;

namespace Migrations.Runner.Configuration;

/// <summary>The five databases this product owns, and the assembly that holds each one's migrations.</summary>
public static class KnownDatabases
{
    public static readonly IReadOnlyList<(string Name, string AssemblyName)> All =
    [
        ("claims", "Migrations.Claims"),
        ("filetrack", "Migrations.Filetrack"),
        ("junkquote", "Migrations.Junkquote"),
        ("clearway", "Migrations.Clearway"),
        ("workspace", "Migrations.Workspace"),
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Name);

    public static bool IsKnown(string name) => All.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The migrations assembly of a known database (compiled into the runner).</summary>
    public static Assembly Load(string name)
    {
        var assemblyName = All.Single(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).AssemblyName;
        try
        {
            return Assembly.Load(assemblyName);
        }
        catch (FileNotFoundException)
        {
            throw new UsageException($"{name}: its migrations assembly {assemblyName} is not part of this runner build");
        }
    }
}
