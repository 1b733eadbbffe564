using System.Reflection;

namespace Migrations.Engine.Running;

/// <summary>A migration class found in an assembly, with what its attributes say.</summary>
public sealed record MigrationInfo(Type Type, long Version, string Description, TransactionBehavior TransactionBehavior)
{
    public bool BreakingChange { get; init; }

    /// <summary>Its [Tags], own and inherited from base classes and interfaces.</summary>
    public IReadOnlyList<TagsAttribute> TagAttributes { get; init; } = [];

    public IReadOnlyList<string> TagNames => TagAttributes.SelectMany(t => t.TagNames).Distinct().ToArray();

    /// <summary>False for profiles and maintenance classes, which have no version.</summary>
    public bool IsVersioned { get; init; } = true;

    /// <summary>"{version}: {ClassName}", as FluentMigrator names a migration; the class name alone for profiles and maintenance.</summary>
    public string Name => IsVersioned ? $"{Version}: {Type.Name}" : Type.Name;

    public IMigration CreateInstance() => (IMigration)Activator.CreateInstance(Type)!;

    public static IReadOnlyList<TagsAttribute> TagsOf(Type type) =>
        type.GetCustomAttributes<TagsAttribute>(inherit: true)
            .Concat(type.GetInterfaces().SelectMany(i => i.GetCustomAttributes<TagsAttribute>(inherit: true)))
            .ToArray();
}
