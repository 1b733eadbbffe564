using System.Reflection;
using FluentMigrator;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Infrastructure;

namespace Migrations.Engine.Planning;

/// <summary>
/// Every migration, profile and maintenance class in the given assemblies, found by FluentMigrator's
/// own conventions and attributes without building its runner (so a run with nothing to do stays
/// cheap). Duplicate versions are an error here, at load time, naming both classes.
/// </summary>
public sealed class MigrationCatalog
{
    private static readonly IMigrationRunnerConventions Conventions = DefaultMigrationRunnerConventions.Instance;

    private MigrationCatalog(IReadOnlyList<MigrationInfo> versioned, IReadOnlyList<(string Profile, MigrationInfo Info)> profiles,
        IReadOnlyList<(MigrationStage Stage, MigrationInfo Info)> maintenance)
    {
        Versioned = versioned;
        Profiles = profiles;
        Maintenance = maintenance;
    }

    /// <summary>Versioned migrations, oldest first.</summary>
    public IReadOnlyList<MigrationInfo> Versioned { get; }

    public IReadOnlyList<(string Profile, MigrationInfo Info)> Profiles { get; }

    public IReadOnlyList<(MigrationStage Stage, MigrationInfo Info)> Maintenance { get; }

    public MigrationInfo? Find(long version) => Versioned.FirstOrDefault(m => m.Version == version);

    /// <summary>FluentMigrator's tag rule: untagged runs everywhere (when included), tagged only when the run's tags match.</summary>
    public static bool IsSelected(MigrationInfo migration, IReadOnlyList<string> runTags, bool includeUntagged) =>
        Conventions.HasRequestedTags(migration.Type, runTags.ToArray(), includeUntagged);

    /// <summary>
    /// Finds the migrations of <paramref name="assemblies"/>; with <paramref name="namespaceFilter"/>, only those in that
    /// namespace (and its children when <paramref name="nestedNamespaces"/>), as FluentMigrator's TypeFilterOptions.
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
        var maintenance = new List<(MigrationStage, MigrationInfo)>();
        foreach (var type in types)
        {
            var tags = Tags(type);

            // A [Profile] class is only a profile, even if it also carries [Migration] (FluentMigrator loads it as both, #1560).
            if (type.GetCustomAttribute<ProfileAttribute>() is { } profile)
            {
                profiles.Add((profile.ProfileName, new MigrationInfo(type, 0, type.Name, TransactionBehavior.Default) { IsVersioned = false }));
            }
            else if (type.GetCustomAttribute<MaintenanceAttribute>() is { } stage)
            {
                maintenance.Add((stage.Stage, new MigrationInfo(type, 0, type.Name, stage.TransactionBehavior) { TagNames = tags, IsVersioned = false }));
            }
            else if (type.GetCustomAttribute<MigrationAttribute>() is { } migration)
            {
                versioned.Add(new MigrationInfo(type, migration.Version, migration.Description ?? type.Name, migration.TransactionBehavior)
                {
                    BreakingChange = migration.BreakingChange,
                    TagNames = tags,
                });
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

    private static IReadOnlyList<string> Tags(Type type) =>
        type.GetCustomAttributes<TagsAttribute>(inherit: true)
            .Concat(type.GetInterfaces().SelectMany(i => i.GetCustomAttributes<TagsAttribute>(inherit: true)))
            .SelectMany(t => t.TagNames).Distinct().ToArray();

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
