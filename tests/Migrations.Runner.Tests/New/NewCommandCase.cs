using System.Globalization;

namespace Migrations.Runner.Tests.New;

/// <summary>
/// One database as <c>new</c> must scaffold it, written down independently of the runner's own
/// table: its project and namespace, the class and attribute a migration named AddWidgets gets,
/// and the version it must get at a given UTC time (the newest existing versions are older).
/// </summary>
public sealed record NewCommandCase(string Database, string Project, string Namespace, string ClassName, string? VersionsClass, Func<DateTime, long> VersionAt)
{
    public static IReadOnlyList<NewCommandCase> All { get; } =
    [
        new("claims", "Migrations.Claims", "Migrations.Claims.Migrations", "AddWidgets", "ClaimsVersions", t => Dated(t, "0001")),
        new("filetrack", "Migrations.Filetrack", "Migrations.Filetrack.Migrations", "AddWidgets", "FiletrackVersions", t => long.Parse(t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
        new("junkquote", "Migrations.Junkquote", "Migrations.Junkquote.Migrations", "AddWidgets", "JunkquoteVersions", t => Dated(t, "0000")),
        new("clearway", "Migrations.Clearway", "Migrations.Clearway", "AddWidgets", "ClearwayVersions", t => Dated(t, "01")),
        new("workspace", "Migrations.Workspace", "Migrations.Workspace", "M0029_AddWidgets", null, _ => 29),
    ];

    /// <summary>The attribute's version argument: the constant, or (workspace) the number.</summary>
    public string AttributeVersion(long version) => VersionsClass is null ? version.ToString(CultureInfo.InvariantCulture) : $"{VersionsClass}.AddWidgets";

    public override string ToString() => Database;

    private static long Dated(DateTime time, string counter) =>
        long.Parse(time.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + counter, CultureInfo.InvariantCulture);
}
