using System.Globalization;

namespace Migrations.Junkquote.Seeding;

/// <summary>
/// The key spaces of generated data. Every seeded row's id is a UUID derived from its table and row
/// number under a fixed prefix, so a seed can find (and a re-seed replace) exactly its own rows:
/// <c>00000de0-TTTT-4000-8000-NNNNNNNNNNNN</c> for the Development demo set,
/// <c>0000057a-TTTT-4000-8000-NNNNNNNNNNNN</c> for Staging volume data (TTTT the table's code, N the row number).
/// Both prefixes sort before almost every random v4 UUID, which matters to Batch 2's backfill: a
/// customer it makes from seeded leads takes the smallest lead id of the group, so it lands in the
/// same key space as the leads and the profile can recognise it.
/// </summary>
public sealed class SeedKeys
{
    public static readonly SeedKeys Development = new(0x00000de0);

    public static readonly SeedKeys Staging = new(0x0000057a);

    private readonly int _prefix;

    private SeedKeys(int prefix) => _prefix = prefix;

    /// <summary>The smallest id of this key space, as SQL compares it (lower-case text; uuid order on PostgreSQL).</summary>
    public string Low => $"{_prefix:x8}-0000-0000-0000-000000000000";

    /// <summary>The largest id of this key space.</summary>
    public string High => $"{_prefix:x8}-ffff-ffff-ffff-ffffffffffff";

    /// <summary>The id of row <paramref name="number"/> of <paramref name="table"/> in this key space.</summary>
    public Guid Id(SeedTable table, long number) => new(
        _prefix, (short)table, 0x4000, 0x80, 0x00,
        (byte)(number >> 40), (byte)(number >> 32), (byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number);

    /// <summary>A SQL condition: <paramref name="column"/> holds an id of this key space.</summary>
    public string Contains(string column) => $"\"{column}\" BETWEEN '{Low}' AND '{High}'";

    /// <summary>A SQL condition: <paramref name="column"/> holds an id this key space gives to rows of <paramref name="table"/>.</summary>
    public string ContainsRowsOf(string column, SeedTable table)
    {
        var code = ((int)table).ToString("x4", CultureInfo.InvariantCulture);
        return $"\"{column}\" BETWEEN '{_prefix:x8}-{code}-0000-0000-000000000000' AND '{_prefix:x8}-{code}-ffff-ffff-ffffffffffff'";
    }
}

/// <summary>The code of each table in a seed id (the second group of the UUID).</summary>
public enum SeedTable
{
    User = 0x1,
    Crew = 0x2,
    PricingRule = 0x3,
    Lead = 0x4,
    LeadPhoto = 0x5,
    Quote = 0x6,
    Job = 0x7,
    AuditLog = 0x8,
    Customer = 0x9,
    CustomerAddress = 0xa,
    Conversation = 0xb,
    Message = 0xc,
    MemoryNote = 0xd,
    JobItem = 0xe,
    JobEvent = 0xf,
}
