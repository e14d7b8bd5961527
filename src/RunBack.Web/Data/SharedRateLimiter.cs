using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

using RunBack.Data;

namespace RunBack.Web.Data;

/// <summary>
/// Fixed-window counters kept in the database, so a limit holds across every app instance behind the proxy (the
/// per-instance limiter in SecurityHosting cannot see the tries another instance took). One upsert per try; the key
/// is a SHA-256 of the policy and partition, so no client address is stored. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public sealed class SharedRateLimiter(IDbContextFactory<RunBackDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Counts one try for <paramref name="partition"/> under <paramref name="policy"/> in a fixed window (a minute
    /// unless said; at most an hour); false when the window's limit is used up.
    /// </summary>
    public Task<bool> TryAcquireAsync(string policy, string partition, int permitsPerWindow, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(policy, partition, permitsPerWindow, Minute, cancellationToken);

    /// <inheritdoc cref="TryAcquireAsync(string, string, int, CancellationToken)"/>
    public async Task<bool> TryAcquireAsync(string policy, string partition, int permitsPerWindow, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var windowStart = now - now % (long)window.TotalMilliseconds;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(policy + "|" + partition)));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows ("Key", "WindowStart", "Count") VALUES ({key}, {windowStart}, 1)
            ON CONFLICT ("Key") DO UPDATE SET
              "Count" = CASE WHEN rate_limit_windows."WindowStart" = excluded."WindowStart" THEN rate_limit_windows."Count" + 1 ELSE 1 END,
              "WindowStart" = excluded."WindowStart"
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        if (Random.Shared.Next(100) == 0)
        {
            // Now and then, sweep windows that ended long ago (an hour's window started at most an hour before now).
            var old = windowStart - (long)TimeSpan.FromHours(1).TotalMilliseconds;
            await db.RateLimitWindows.Where(w => w.WindowStart < old).ExecuteDeleteAsync(cancellationToken);
        }
        return count.Single() <= permitsPerWindow;
    }
}
