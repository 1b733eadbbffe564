using FluentMigrator;
using FluentMigrator.Infrastructure;

namespace Migrations.Engine.Planning;

/// <summary>A migration class found in an assembly, with what FluentMigrator's attributes on it say.</summary>
public sealed record MigrationInfo(Type Type, long Version, string Description, TransactionBehavior TransactionBehavior)
{
    public bool BreakingChange { get; init; }

    /// <summary>Its [Tags] names, own and inherited, as FluentMigrator's conventions read them.</summary>
    public IReadOnlyList<string> TagNames { get; init; } = [];

    /// <summary>False for profiles and maintenance classes, which have no version.</summary>
    public bool IsVersioned { get; init; } = true;

    /// <summary>"{version}: {ClassName}", as FluentMigrator names a migration; the class name alone for profiles and maintenance.</summary>
    public string Name => IsVersioned ? $"{Version}: {Type.Name}" : Type.Name;

    /// <summary>The instance FluentMigrator would make: through dependency injection, so constructors may take services.</summary>
    public IMigration CreateInstance(IServiceProvider services) =>
        (IMigration)Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, Type);

    /// <summary>FluentMigrator's own description of this migration, for handing it to FluentMigrator's runner.</summary>
    public IMigrationInfo ToFluentMigrator(IMigration instance) =>
        new FluentMigrator.Infrastructure.MigrationInfo(Version, Description, TransactionBehavior, BreakingChange, () => instance);
}
