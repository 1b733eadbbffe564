namespace Migrations.Engine.Running;

/// <summary>
/// FluentMigrator's tag truth table, exactly (notes 3.2):
/// no run tags → only untagged migrations;
/// run tags → tagged migrations that match, plus untagged ones when untagged are included (the default).
/// RequireAll matches when every run tag is on the migration; RequireAny when at least one is.
/// Matching is ordinal (case-sensitive).
/// </summary>
public static class TagMatcher
{
    public static bool IsSelected(IReadOnlyList<TagsAttribute> migrationTags, IReadOnlyCollection<string> runTags, bool includeUntagged)
    {
        var untagged = migrationTags.Count == 0;
        if (runTags.Count == 0)
        {
            return untagged;
        }

        return Matches(migrationTags, runTags) || (includeUntagged && untagged);
    }

    private static bool Matches(IReadOnlyList<TagsAttribute> migrationTags, IReadOnlyCollection<string> runTags)
    {
        var all = migrationTags.Where(t => t.Behavior == TagBehavior.RequireAll).SelectMany(t => t.TagNames).ToHashSet(StringComparer.Ordinal);
        if (all.Count > 0 && runTags.All(all.Contains))
        {
            return true;
        }

        var any = migrationTags.Where(t => t.Behavior == TagBehavior.RequireAny).SelectMany(t => t.TagNames).ToHashSet(StringComparer.Ordinal);
        return any.Count > 0 && runTags.Any(any.Contains);
    }
}
