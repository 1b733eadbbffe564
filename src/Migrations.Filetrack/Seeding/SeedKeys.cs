namespace Migrations.Filetrack.Seeding;

/// <summary>
/// The key spaces of generated rows. Every seeded row's uuid says who made it, which table it is
/// in and its row number: <c>PPPPPPPP-TTTT-4000-8000-NNNNNNNNNNNN</c>, where P is the profile
/// prefix (<c>de000000</c> Development, <c>5a000000</c> Staging), T the table's code and N the row
/// number. Re-seeding finds its own rows by this range and nothing else's (application rows get
/// random v4 uuids from gen_random_uuid(), which can land in that range with probability ~2^-32).
/// </summary>
public static class SeedKeys
{
    public const uint DevelopmentPrefix = 0xde000000;

    public const uint StagingPrefix = 0x5a000000;

    /// <summary>Each seeded table's code (the T group of its keys), parents before children.</summary>
    public static readonly IReadOnlyDictionary<string, short> TableCodes = new Dictionary<string, short>(StringComparer.Ordinal)
    {
        ["users"] = 0x01,
        ["sessions"] = 0x02,
        ["mfa_enforced_sessions"] = 0x03,
        ["organizations"] = 0x04,
        ["organization_members"] = 0x05,
        ["workflows"] = 0x06,
        ["workflow_versions"] = 0x07,
        ["workflow_executions"] = 0x08,
        ["events"] = 0x09,
        ["patterns"] = 0x0a,
        ["relationships"] = 0x0b,
        ["privacy_prefs"] = 0x0c,
        ["app_allowlist"] = 0x0d,
        ["signal_toggles"] = 0x0e,
        ["telemetry_events"] = 0x0f,
        ["privacy_transparency_log"] = 0x10,
        ["audit_logs"] = 0x11,
        ["retention_policies"] = 0x12,
        ["offers"] = 0x13,
        ["subscriptions"] = 0x14,
        ["feature_flags"] = 0x15,
        ["utm_tracks"] = 0x16,
        ["cohorts"] = 0x17,
        ["metrics_log"] = 0x18,
        ["user_integrations"] = 0x19,
        ["nps_submissions"] = 0x1a,
    };

    public static Guid Development(string table, long row) => Make(DevelopmentPrefix, table, row);

    public static Guid Staging(string table, long row) => Make(StagingPrefix, table, row);

    /// <summary>The lowest and highest uuid of a profile's key space, as SQL literals' text.</summary>
    public static (string Low, string High) Range(uint prefix) =>
        ($"{prefix:x8}-0000-0000-0000-000000000000", $"{prefix:x8}-ffff-ffff-ffff-ffffffffffff");

    private static Guid Make(uint prefix, string table, long row)
    {
        if (row is < 0 or > 0xffff_ffff_ffff)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, "a seeded row number fits in 48 bits");
        }

        return new Guid(unchecked((int)prefix), TableCodes[table], 0x4000, 0x80, 0x00,
            (byte)(row >> 40), (byte)(row >> 32), (byte)(row >> 24), (byte)(row >> 16), (byte)(row >> 8), (byte)row);
    }
}
