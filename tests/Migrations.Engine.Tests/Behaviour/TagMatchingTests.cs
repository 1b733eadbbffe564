using FluentMigrator;
using Migrations.Engine.Planning;
using Migrations.Engine.Tests.Behaviour.TestMigrations.InheritedTags;

namespace Migrations.Engine.Tests.Behaviour;

/// <summary>FluentMigrator's tag truth table (notes 3.2), as the catalog applies it, including the examples from its own tests.</summary>
public sealed class TagMatchingTests
{
    private static bool IsSelected<T>(string[] runTags, bool includeUntagged = true) =>
        MigrationCatalog.IsSelected(new MigrationInfo(typeof(T), 1, typeof(T).Name, TransactionBehavior.Default), runTags, includeUntagged);

    [Test]
    public void Without_run_tags_only_untagged_migrations_run()
    {
        Assert.That(IsSelected<Untagged>([]), Is.True);
        Assert.That(IsSelected<Production>([]), Is.False);
    }

    [Test]
    public void With_run_tags_untagged_migrations_run_unless_excluded()
    {
        Assert.That(IsSelected<Untagged>(["Production"]), Is.True);
        Assert.That(IsSelected<Untagged>(["Production"], includeUntagged: false), Is.False);
    }

    [Test]
    public void Require_all_means_every_run_tag_is_on_the_migration()
    {
        Assert.That(IsSelected<Uk>(["UK", "Production"]), Is.False);
        Assert.That(IsSelected<BeUkProductionStaging>(["UK", "Production"]), Is.True);
    }

    [Test]
    public void Require_any_means_one_run_tag_is_on_the_migration()
    {
        Assert.That(IsSelected<AnyOfUkBe>(["UK", "Production"]), Is.True);
        Assert.That(IsSelected<AnyOfBe>(["UK", "Production"]), Is.False);
    }

    [Test]
    public void Matching_is_case_sensitive() =>
        Assert.That(IsSelected<LowerCaseProduction>(["Production"]), Is.False);

    [Test]
    public void Tags_are_inherited_from_base_classes_and_interfaces() =>
        Assert.That(MigrationCatalog.Load([typeof(InheritsTags).Assembly], typeof(InheritsTags).Namespace).Versioned.Single().TagNames,
            Is.EquivalentTo(new[] { "Staging", "Production" }));

    private sealed class Untagged;

    [Tags("Production")]
    private sealed class Production;

    [Tags("UK")]
    private sealed class Uk;

    [Tags("BE", "UK", "Production", "Staging")]
    private sealed class BeUkProductionStaging;

    [Tags(TagBehavior.RequireAny, "UK", "BE")]
    private sealed class AnyOfUkBe;

    [Tags(TagBehavior.RequireAny, "BE")]
    private sealed class AnyOfBe;

    [Tags("production")]
    private sealed class LowerCaseProduction;
}
