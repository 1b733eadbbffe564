using System.Globalization;
using System.Text.Json;
using Migrations.Engine.Authoring;

namespace Migrations.Engine.D1;

/// <summary>
/// The run lock on D1, which has no advisory lock: a lease row in <c>_migrations_lock</c>, taken
/// by an upsert that only succeeds while the row is free or expired, then read back. Every
/// migration batch starts with <see cref="CheckAndRenewStatement"/>, which fails the batch unless
/// this run still holds an unexpired lease (and renews it), so a run whose lease another took over
/// cannot apply anything. Times are D1's clock, never the runner's. Disposing releases the lease.
/// </summary>
public sealed class D1RunLock : IAsyncDisposable
{
    /// <summary>A runner that dies holds the others up this long at most; every batch renews it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public const string Table = "_migrations_lock";

    private const string Now = "CAST(strftime('%s', 'now') AS INTEGER)";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly D1Wrangler _wrangler;
    private bool _released;

    private D1RunLock(D1Wrangler wrangler, string holder)
    {
        _wrangler = wrangler;
        Holder = holder;
    }

    public string Holder { get; }

    public const string CreateStatement =
        $"CREATE TABLE IF NOT EXISTS {Table} (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, expires_at INTEGER NOT NULL)";

    /// <summary>Fails (NOT NULL) unless this run holds the lease and it has not expired; renews it.</summary>
    public string CheckAndRenewStatement =>
        $"UPDATE {Table} SET holder = (SELECT holder FROM {Table} WHERE id = 1 AND holder = {Sql.Literal(Holder)} AND expires_at > {Now}), " +
        $"expires_at = {Now} + {Seconds} WHERE id = 1";

    private static string Seconds => ((long)Lease.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public static async Task<D1RunLock> AcquireAsync(D1Wrangler wrangler, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var take = string.Join("; ",
            CreateStatement,
            $"INSERT INTO {Table} (id, holder, expires_at) VALUES (1, {Sql.Literal(holder)}, {Now} + {Seconds}) " +
            $"ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE {Table}.expires_at <= {Now}",
            $"SELECT holder, expires_at - {Now} AS remaining FROM {Table} WHERE id = 1");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var results = await wrangler.ExecuteCommandAsync(take, cancellationToken);
            var row = results[results.GetArrayLength() - 1].GetProperty("results")[0];
            var current = row.GetProperty("holder").GetString();
            if (current == holder)
            {
                return new D1RunLock(wrangler, holder);
            }

            if (DateTime.UtcNow >= deadline)
            {
                var remaining = row.GetProperty("remaining").GetInt64();
                throw new LockTimeoutException(
                    $"{wrangler.Target.Database}: another run holds the D1 migration lease ({Table}, holder {current}, {remaining} s left); gave up after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        try
        {
            await _wrangler.ExecuteCommandAsync($"DELETE FROM {Table} WHERE id = 1 AND holder = {Sql.Literal(Holder)}", CancellationToken.None);
        }
        catch (D1BatchFailedException)
        {
            // The lease expires by itself; a failed release only delays the next run.
        }
    }
}
