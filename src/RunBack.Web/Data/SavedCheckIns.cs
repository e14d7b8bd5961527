using Microsoft.EntityFrameworkCore;

using RunBack.Data;

namespace RunBack.Web.Data;

/// <summary>
/// Whether a result was saved: the check-in saved with an idempotency key. Keys are random and known only to the
/// browser that made the result, so the self-check can show "Saved" when its result is opened again.
/// </summary>
public sealed class SavedCheckIns(IDbContextFactory<RunBackDbContext> dbFactory)
{
    public async Task<Guid?> WithKeyAsync(Guid idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().Where(c => c.IdempotencyKey == idempotencyKey)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The answers of the profile's latest full self-check (for "change these answers"), or null.</summary>
    public async Task<string?> LastFullAnswersAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId && c.Kind == CheckInKinds.Full)
            .OrderByDescending(c => c.CheckInDate).ThenByDescending(c => c.CreatedAt)
            .Select(c => c.AnswersJson).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether a quick check-in can carry answers over: the profile has a full self-check saved.</summary>
    public async Task<bool> HasFullSelfCheckAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AnyAsync(c => c.ProfileId == profileId && c.Kind == CheckInKinds.Full, cancellationToken);
    }

    /// <summary>
    /// The home page's welcome back: the profile's latest check-in and those of the last four weeks before
    /// <paramref name="today"/>, only the day and the two scores (never answers). Two small queries, whatever the history's size.
    /// </summary>
    public async Task<RunBack.Core.History.WelcomeBack?> WelcomeBackAsync(Guid profileId, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId && c.CheckInDate <= today);
        var since = today.AddDays(-RunBack.Core.History.WelcomeBack.TrendWindowDays);
        var window = await mine.Where(c => c.CheckInDate > since)
            .Select(c => new { c.CheckInDate, c.CreatedAt, c.BackPain, c.HipPain }).ToListAsync(cancellationToken);
        var latest = window.Count > 0 ? null : await mine.OrderByDescending(c => c.CheckInDate).ThenByDescending(c => c.CreatedAt)
            .Select(c => new { c.CheckInDate, c.CreatedAt, c.BackPain, c.HipPain }).FirstOrDefaultAsync(cancellationToken);
        var points = window.Concat(latest is null ? [] : [latest])
            .Select(c => new RunBack.Core.History.WelcomePoint(c.CheckInDate, c.CreatedAt, c.BackPain, c.HipPain));
        return RunBack.Core.History.WelcomeBack.From(points, today);
    }
}
