using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Migrations.Engine.Logging;

namespace Migrations.Engine.Running;

/// <summary>
/// Progress of long bulk inserts (seeds, backfills through <c>Bulk</c>): once a table's rows have
/// streamed for <see cref="After"/>, a line every <see cref="Every"/> with the rows done, the rate
/// and, where the total is known, the percentage. Short inserts stay silent. Lines, not a live
/// bar: the log is read line by line, in a terminal and in a pipeline alike.
/// </summary>
public sealed class BulkProgress(ILogger logger, string database, TimeSpan after, TimeSpan every)
{
    // How often the clock is looked at: often enough for a line within a second at any real rate.
    private const int CheckEvery = 500;

    public static BulkProgress Silent { get; } = new(NullLogger.Instance, "", TimeSpan.MaxValue, TimeSpan.MaxValue);

    public TimeSpan After => after;

    public TimeSpan Every => every;

    /// <summary>The rows, unchanged, reporting as they are consumed.</summary>
    public IEnumerable<object?[]> Track(string table, IEnumerable<object?[]> rows)
    {
        long? total = rows.TryGetNonEnumeratedCount(out var known) ? known : null;
        var clock = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        long done = 0;
        foreach (var row in rows)
        {
            yield return row;
            done++;
            if (done % CheckEvery == 0 && clock.Elapsed >= after && (reported == TimeSpan.Zero || clock.Elapsed - reported >= every))
            {
                reported = clock.Elapsed;
                Report(table, done, total, clock.Elapsed);
            }
        }
    }

    private void Report(string table, long done, long? total, TimeSpan elapsed)
    {
        var rate = (long)(done / Math.Max(elapsed.TotalSeconds, 0.001));
        if (total is { } all and > 0)
        {
            var percent = (int)(100 * done / all);
            logger.LogInformation(LogEvents.Progress, "{Database}: {Table}: {Rows} of {Total} rows ({Percent}%), {RowsPerSecond} rows/s",
                database, table, done, all, percent, rate);
        }
        else
        {
            logger.LogInformation(LogEvents.Progress, "{Database}: {Table}: {Rows} rows, {RowsPerSecond} rows/s", database, table, done, rate);
        }
    }
}
