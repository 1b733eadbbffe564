using Migrations.Engine.Running;

namespace Migrations.Engine.Tests.Authoring;

/// <summary>FluentMigrator's tag truth table (notes 3.2), including the examples from its own tests.</summary>
public sealed class TagMatcherTests
{
    private static TagsAttribute[] All(params string[] tags) => [new TagsAttribute(tags)];

    private static TagsAttribute[] Any(params string[] tags) => [new TagsAttribute(TagBehavior.RequireAny, tags)];

    [Test]
    public void Without_run_tags_only_untagged_migrations_run()
    {
        Assert.That(TagMatcher.IsSelected([], [], includeUntagged: true), Is.True);
        Assert.That(TagMatcher.IsSelected(All("Production"), [], includeUntagged: true), Is.False);
    }

    [Test]
    public void With_run_tags_untagged_migrations_run_unless_excluded()
    {
        Assert.That(TagMatcher.IsSelected([], ["Production"], includeUntagged: true), Is.True);
        Assert.That(TagMatcher.IsSelected([], ["Production"], includeUntagged: false), Is.False);
    }

    [Test]
    public void Require_all_means_every_run_tag_is_on_the_migration()
    {
        Assert.That(TagMatcher.IsSelected(All("UK"), ["UK", "Production"], true), Is.False);
        Assert.That(TagMatcher.IsSelected(All("BE", "UK", "Production", "Staging"), ["UK", "Production"], true), Is.True);
    }

    [Test]
    public void Require_any_means_one_run_tag_is_on_the_migration()
    {
        Assert.That(TagMatcher.IsSelected(Any("UK", "BE"), ["UK", "Production"], true), Is.True);
        Assert.That(TagMatcher.IsSelected(Any("BE"), ["UK", "Production"], true), Is.False);
    }

    [Test]
    public void Matching_is_case_sensitive() =>
        Assert.That(TagMatcher.IsSelected(All("production"), ["Production"], true), Is.False);

    [Test]
    public void Tags_are_inherited_from_base_classes_and_interfaces() =>
        Assert.That(MigrationInfo.TagsOf(typeof(InheritsTags)).SelectMany(t => t.TagNames), Is.EquivalentTo(new[] { "Staging", "Production" }));

    [Tags("Staging")]
    private interface IStagingStep;

    [Tags("Production")]
    private abstract class ProductionStep : Migration;

    private sealed class InheritsTags : ProductionStep, IStagingStep
    {
        public override void Up()
        {
        }

        public override void Down()
        {
        }
    }
}
