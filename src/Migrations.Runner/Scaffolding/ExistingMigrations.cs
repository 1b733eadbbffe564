using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentMigrator;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// The versions and class names a database already has: those compiled into this runner, and
/// those in the source folder being written to, which may hold migrations written since the
/// runner was built. A version written as a constant (<c>ClaimsVersions.ReportQueue</c>) is read
/// from the constants beside the folder.
/// </summary>
public sealed partial record ExistingMigrations(IReadOnlySet<long> Versions, IReadOnlySet<string> ClassNames)
{
    public static ExistingMigrations Read(Assembly? compiled, string folder)
    {
        var versions = new HashSet<long>();
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in compiled?.GetTypes() ?? [])
        {
            classes.Add(type.Name);
            if (type.GetCustomAttribute<MigrationAttribute>() is { } migration)
            {
                versions.Add(migration.Version);
            }
        }

        var sources = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories) : [];
        var parent = Directory.GetParent(Path.GetFullPath(folder))?.FullName;
        var beside = parent is not null && Directory.Exists(parent) ? Directory.GetFiles(parent, "*.cs") : [];
        var constants = beside.Concat(sources).SelectMany(f => Constant().Matches(File.ReadAllText(f)))
            .GroupBy(m => m.Groups["name"].Value).ToDictionary(g => g.Key, g => Number(g.First().Groups["value"].Value));
        foreach (var text in sources.Select(File.ReadAllText))
        {
            classes.UnionWith(ClassDeclaration().Matches(text).Select(m => m.Groups["name"].Value));
            foreach (Match attribute in MigrationVersion().Matches(text))
            {
                var value = attribute.Groups["value"].Value;
                if (char.IsDigit(value[0]))
                {
                    versions.Add(Number(value));
                }
                else if (constants.TryGetValue(value.Split('.')[^1], out var constant))
                {
                    versions.Add(constant);
                }
            }
        }

        return new ExistingMigrations(versions, classes);
    }

    public long? Newest => Versions.Count == 0 ? null : Versions.Max();

    private static long Number(string digits) => long.Parse(digits.Replace("_", "").TrimEnd('L', 'l'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"const\s+long\s+(?<name>\w+)\s*=\s*(?<value>[0-9_]+[Ll]?)\s*;")]
    private static partial Regex Constant();

    [GeneratedRegex(@"\[Migration\(\s*(?<value>[0-9_]+[Ll]?|[\w.]+)")]
    private static partial Regex MigrationVersion();

    [GeneratedRegex(@"\bclass\s+(?<name>\w+)")]
    private static partial Regex ClassDeclaration();
}
