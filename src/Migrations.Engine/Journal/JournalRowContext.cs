namespace Migrations.Engine.Journal;

/// <summary>
/// What the journal row of the migration being applied carries beyond FluentMigrator's three
/// columns. The executor fills it before handing a migration to FluentMigrator's runner; the
/// version loader reads it when FluentMigrator writes the row, inside the migration's transaction.
/// </summary>
public sealed class JournalRowContext
{
    private readonly Dictionary<long, string> _checksums = [];
    private System.Diagnostics.Stopwatch? _clock;

    public string? AppliedBy { get; set; }

    public string? Environment { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public void SetChecksum(long version, string checksum) => _checksums[version] = checksum;

    public string? ChecksumOf(long version) => _checksums.GetValueOrDefault(version);

    /// <summary>Called as a migration starts; its duration is measured up to the journal write.</summary>
    public void StartClock() => _clock = System.Diagnostics.Stopwatch.StartNew();

    public long? ElapsedMilliseconds => _clock?.ElapsedMilliseconds;
}
