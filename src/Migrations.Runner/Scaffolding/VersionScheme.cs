using System.Globalization;

namespace Migrations.Runner.Scaffolding;

/// <summary>
/// How a database numbers its migrations. <see cref="Next"/> is always above the newest existing
/// version, so a new migration runs last and never needs <c>--allow-out-of-order</c>; gaps are
/// never filled. A version that does not fit the scheme is refused, because a mis-shaped one
/// (a date of month 13, a counter with too many digits) sorts where nobody expects it.
/// </summary>
public abstract record VersionScheme
{
    /// <summary>The version a new migration gets at <paramref name="now"/> (UTC), given the newest existing one.</summary>
    public abstract long Next(long? newest, DateTimeOffset now);

    /// <summary>Null when <paramref name="version"/> has this scheme's shape; else why not, in a few words.</summary>
    public abstract string? Misfit(long version);

    /// <summary>The shape, as the README and error lines write it (YYYYMMDDNNNN).</summary>
    public abstract string Shape { get; }

    /// <summary>A UTC date, then a counter of that day: claims YYYYMMDDNNNN from 0001, junkquote from 0000, clearway YYYYMMDDNN from 01.</summary>
    public sealed record DatedCounter(int CounterDigits, int FirstCounter) : VersionScheme
    {
        private long Base => (long)Math.Pow(10, CounterDigits);

        public override string Shape => "YYYYMMDD" + new string('N', CounterDigits);

        public override long Next(long? newest, DateTimeOffset now)
        {
            var today = long.Parse(now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) * Base + FirstCounter;
            if (newest is not { } n || n < today)
            {
                return today;
            }

            // The newest is today's (or dated ahead): the next number of its day, while the day has one.
            if (n % Base == Base - 1)
            {
                throw new UsageException($"the counter of {n / Base} is used up ({n} is the newest); give --migration-version");
            }

            return n + 1;
        }

        public override string? Misfit(long version)
        {
            var digits = version.ToString(CultureInfo.InvariantCulture);
            if (digits.Length != 8 + CounterDigits)
            {
                return $"{Shape} has {8 + CounterDigits} digits";
            }

            if (!DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return $"{digits[..8]} is not a date (YYYYMMDD)";
            }

            return version % Base < FirstCounter ? $"its day's counter starts at {FirstCounter.ToString(new string('0', CounterDigits), CultureInfo.InvariantCulture)}" : null;
        }
    }

    /// <summary>A UTC time to the second, YYYYMMDDHHMMSS (filetrack, as the Supabase CLI names its files).</summary>
    public sealed record Timestamp : VersionScheme
    {
        private const string Format = "yyyyMMddHHmmss";

        public override string Shape => "YYYYMMDDHHMMSS";

        public override long Next(long? newest, DateTimeOffset now)
        {
            var stamp = Number(now.UtcDateTime);
            if (newest is not { } n || n < stamp)
            {
                return stamp;
            }

            // Two in the same second, or a newest one dated ahead: one second after it.
            return TryTime(n, out var time)
                ? Number(time.AddSeconds(1))
                : throw new UsageException($"the newest version {n} is not a {Shape} time; give --migration-version");
        }

        public override string? Misfit(long version) => TryTime(version, out _) ? null : $"{version} is not a {Shape} time";

        private static long Number(DateTime time) => long.Parse(time.ToString(Format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        private static bool TryTime(long version, out DateTime time) =>
            DateTime.TryParseExact(version.ToString(CultureInfo.InvariantCulture), Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>The next whole number after the newest, up to <paramref name="Largest"/> (workspace: 0001 to 9999, wrangler's file numbers).</summary>
    public sealed record Sequence(long Largest) : VersionScheme
    {
        public override string Shape => $"1 to {Largest}";

        public override long Next(long? newest, DateTimeOffset now)
        {
            var next = (newest ?? 0) + 1;
            return next <= Largest ? next : throw new UsageException($"the numbers are used up ({newest} is the newest, {Largest} the largest)");
        }

        public override string? Misfit(long version) => version is >= 1 && version <= Largest ? null : $"the numbers run from 1 to {Largest}";
    }
}
