using System.Reflection;

namespace Migrations.Engine.Running;

/// <summary>
/// Every migration, profile and maintenance class in the given assemblies. Duplicate versions are
/// an error here, at load time, naming both classes.
/// </summary>
public sealed class MigrationCatalog
{
    private MigrationCatalog(IReadOnlyList<MigrationInfo> versioned, IReadOnlyList<(string Profile, MigrationInfo Info)> profiles,
        IReadOnlyList<(MaintenanceAttribute Stage, MigrationInfo Info)> maintenance)
    {
        Versioned = versioned;
        Profiles = profiles;
        Maintenance = maintenance;
    }

    /// <summary>Versioned migrations, oldest first.</summary>
    public IReadOnlyList<MigrationInfo> Versioned { get; }

    public IReadOnlyList<(string Profile, MigrationInfo Info)> Profiles { get; }

    public IReadOnlyList<(MaintenanceAttribute Stage, MigrationInfo Info)> Maintenance { get; }

    public MigrationInfo? Find(long version) => Versioned.FirstOrDefault(m => m.Version == version);

    /// <summary>
    /// Finds the migrations of <paramref name="assemblies"/>; with <paramref name="namespaceFilter"/>, only
    /// those in that namespace (and its children when <paramref name="nestedNamespaces"/>), as FluentMigrator's TypeFilterOptions.
    /// </summary>
    public static MigrationCatalog Load(IEnumerable<Assembly> assemblies, string? namespaceFilter = null, bool nestedNamespaces = false)
    {
        var types = assemblies.Distinct().SelectMany(LoadableTypes)
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IMigration).IsAssignableFrom(t))
            .Where(t => namespaceFilter is null || t.Namespace == namespaceFilter
                || (nestedNamespaces && t.Namespace?.StartsWith(namespaceFilter + ".", StringComparison.Ordinal) == true))
            .ToArray();

        var versioned = new List<MigrationInfo>();
        var profiles = new List<(string, MigrationInfo)>();
        var maintenance = new List<(MaintenanceAttribute, MigrationInfo)>();
        foreach (var type in types)
        {
            var tags = MigrationInfo.TagsOf(type);
            if (type.GetCustomAttribute<MigrationAttribute>() is { } migration)
            {
                versioned.Add(new MigrationInfo(type, migration.Version, migration.Description ?? type.Name, migration.TransactionBehavior)
                {
                    BreakingChange = migration.BreakingChange,
                    TagAttributes = tags,
                });
            }

            // A [Profile] class is only a profile, even if it also carries [Migration] (FluentMigrator loads it as both, #1560).
            if (type.GetCustomAttribute<ProfileAttribute>() is { } profile)
            {
                versioned.RemoveAll(m => m.Type == type);
                profiles.Add((profile.ProfileName, new MigrationInfo(type, 0, type.Name, TransactionBehavior.Default) { IsVersioned = false }));
            }

            if (type.GetCustomAttribute<MaintenanceAttribute>() is { } stage)
            {
                maintenance.Add((stage, new MigrationInfo(type, 0, type.Name, stage.TransactionBehavior) { TagAttributes = tags, IsVersioned = false }));
            }
        }

        var duplicate = versioned.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidMigrationException(
                $"version {duplicate.Key} is used by more than one migration: {string.Join(", ", duplicate.Select(m => m.Type.FullName))}");
        }

        return new MigrationCatalog(
            versioned.OrderBy(m => m.Version).ToArray(),
            profiles.OrderBy(p => p.Item2.Type.Name, StringComparer.Ordinal).ToArray(),
            maintenance.OrderBy(m => m.Item2.Type.Name, StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new InvalidMigrationException($"cannot load the types of {assembly.GetName().Name}: {ex.LoaderExceptions.FirstOrDefault()?.Message}");
        }
    }
}
