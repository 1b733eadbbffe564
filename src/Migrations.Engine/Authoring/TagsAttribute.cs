namespace Migrations.Engine;

/// <summary>
/// Restricts a migration to runs whose tags match (FluentMigrator's truth table, see
/// <c>Running/TagMatcher</c>). Repeatable, and inherited from base classes and interfaces.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = true)]
public sealed class TagsAttribute : Attribute
{
    public TagsAttribute(params string[] tagNames)
        : this(TagBehavior.RequireAll, tagNames)
    {
    }

    public TagsAttribute(TagBehavior behavior, params string[] tagNames)
    {
        Behavior = behavior;
        TagNames = tagNames;
    }

    public TagBehavior Behavior { get; }

    public IReadOnlyList<string> TagNames { get; }
}
