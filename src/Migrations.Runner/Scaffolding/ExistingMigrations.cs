using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentMigrator;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// What a database already has, so a new migration clashes with none of it: its versions (each
/// with its class), its class names and its version constants. Read from the migrations compiled
/// into this runner and from the project's source, which may hold migrations written since (or on
/// another branch than) the runner was built; both count. A version written as a constant
/// (<c>ClaimsVersions.ReportQueue</c>) is read from the constants in the project's files.
/// </summary>
public sealed partial record ExistingMigrations(IReadOnlyDictionary<long, string> Versions, IReadOnlySet<string> ClassNames, IReadOnlySet<string> Constants)
{
    public static ExistingMigrations Read(Assembly? compiled, string projectDirectory)
    {
        var versions = new Dictionary<long, string>();
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in compiled?.GetTypes() ?? [])
        {
            classes.Add(type.Name);
            if (type.GetCustomAttribute<MigrationAttribute>() is { } migration)
            {
                versions[migration.Version] = type.Name;
            }
        }

        var folder = Path.Combine(projectDirectory, "Migrations");
        var sources = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories) : [];
        var texts = Directory.GetFiles(projectDirectory, "*.cs").Concat(sources).Select(File.ReadAllText).ToArray();
        var constants = texts.SelectMany(t => Constant().Matches(t))
            .GroupBy(m => m.Groups["name"].Value).ToDictionary(g => g.Key, g => Number(g.First().Groups["value"].Value));
        foreach (var text in texts)
        {
            classes.UnionWith(ClassDeclaration().Matches(text).Select(m => m.Groups["name"].Value));
            foreach (Match attribute in MigrationAttribute().Matches(text))
            {
                var value = attribute.Groups["value"].Value;
                long? version = char.IsAsciiDigit(value[0]) ? Number(value)
                    : constants.TryGetValue(value.Split('.')[^1], out var constant) ? constant : null;
                if (version is { } v)
                {
                    versions.TryAdd(v, attribute.Groups["class"].Value);
                }
            }
        }

        return new ExistingMigrations(versions, classes, constants.Keys.ToHashSet(StringComparer.Ordinal));
    }

    public long? Newest => Versions.Count == 0 ? null : Versions.Keys.Max();

    private static long Number(string digits) => long.Parse(digits.Replace("_", "").TrimEnd('L', 'l'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"const\s+long\s+(?<name>\w+)\s*=\s*(?<value>[0-9_]+[Ll]?)\s*;")]
    private static partial Regex Constant();

    // The attribute, then the class it is on (other attributes and the doc comment may come between).
    [GeneratedRegex(@"\[Migration\(\s*(?<value>[0-9_]+[Ll]?|[\w.]+)[^\]]*\][\s\S]*?\bclass\s+(?<class>\w+)")]
    private static partial Regex MigrationAttribute();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)")]
    private static partial Regex ClassDeclaration();
}
