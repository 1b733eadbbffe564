using System.Globalization;
using System.Text.RegularExpressions;
using Migrations.Engine.Journal;

namespace Migrations.Runner.Configuration;

/// <summary>
/// How much text the journal's columns hold, read from the journal's own layout (PostgreSQL's
/// <c>varchar(n)</c>), so a run whose tags or environment name would not fit its journal row is
/// refused before any migration runs rather than failing at the row after the migration did.
/// SQLite's <c>TEXT</c> has no limit; the same limit applies there, so a run that works on a
/// laptop works against PostgreSQL too.
/// </summary>
public static partial class JournalLimits
{
    public static int? Tags => LengthOf("Tags");

    public static int? Environment => LengthOf("Environment");

    /// <summary>The stored form of a run's tags, as the journal writes them.</summary>
    public static string TagsText(IReadOnlyList<string> tags) => string.Join(",", tags);

    private static int? LengthOf(string column) =>
        JournalLayout.ExtraColumns.Where(c => c.Name == column).Select(c => VarcharLength().Match(c.PostgresType)).FirstOrDefault(m => m.Success) is { } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"^(?:varchar|character varying)\((\d+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex VarcharLength();
}
