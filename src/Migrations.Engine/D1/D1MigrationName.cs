using System.Globalization;
using System.Text.RegularExpressions;

namespace Migrations.Engine.D1;

/// <summary>
/// The name a migration has in wrangler's <c>d1_migrations</c> and as a wrangler migration file:
/// its description when that is a file name (workspace's are the team's files,
/// <c>0026_threads_and_invites.sql</c>); else the description's first word plus <c>.sql</c>
/// (<c>0027_dev_mail_outbox (Development only)</c> is <c>0027_dev_mail_outbox.sql</c>); else the version.
/// </summary>
public static partial class D1MigrationName
{
    public static string For(long version, string? description)
    {
        var word = (description ?? "").Trim().Split(' ', 2)[0];
        if (!FileName().IsMatch(word))
        {
            return $"{version.ToString(CultureInfo.InvariantCulture)}.sql";
        }

        return word.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) ? word : word + ".sql";
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex FileName();
}
