using System.Globalization;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// How a database numbers its migrations: a sequence (the next after the newest), or a date or
/// timestamp (now, UTC), never at or below the newest existing version so the new one runs last.
/// </summary>
public abstract record VersionScheme
{
    public abstract long Next(long? newest, DateTimeOffset now);

    /// <summary>claims (202601010001, 202601010002, ...) and workspace (28, 29, ...).</summary>
    public sealed record Sequence(long First) : VersionScheme
    {
        public override long Next(long? newest, DateTimeOffset now) => newest is { } n ? n + 1 : First;
    }

    /// <summary>
    /// A UTC date or time as digits, then a per-day (or per-second) counter of <paramref name="CounterDigits"/>:
    /// clearway yyyyMMddNN (counting from 01), junkquote yyyyMMddNNNN (from 0000), filetrack yyyyMMddHHmmss.
    /// </summary>
    public sealed record Clock(string Format, int CounterDigits, int FirstCounter) : VersionScheme
    {
        public override long Next(long? newest, DateTimeOffset now)
        {
            var stamp = long.Parse(now.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var candidate = stamp * (long)Math.Pow(10, CounterDigits) + FirstCounter;
            return newest is { } n && candidate <= n ? n + 1 : candidate;
        }
    }
}
