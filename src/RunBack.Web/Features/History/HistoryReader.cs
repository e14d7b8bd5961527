using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RunBack.Core.History;
using RunBack.Data;
using RunBack.Web.Features.CheckIns;

namespace RunBack.Web.Features.History;

/// <summary>What the history page needs to know of a whole history without reading it: how many check-ins, the first
/// (its day and save time only), whether one is a full self-check, and the day of the latest.</summary>
public sealed record HistoryExtent(int Count, CheckIn? First, DateOnly? LastDay, bool HasFull)
{
    public static readonly HistoryExtent Empty = new(0, null, null, false);
}

/// <summary>Reads a runner's check-ins for the history page, its chart, the training log and the welcome back.</summary>
public sealed class HistoryReader(IDbContextFactory<RunBackDbContext> dbFactory)
{
    /// <summary>
    /// The stored columns the history reads (pain, tier, kind, what helped and the history facts). The answers JSON, the
    /// result snapshot and the id lists are not read and are left empty, so the cost per row stays small and nothing parses JSON.
    /// </summary>
    private static readonly Expression<Func<CheckIn, CheckIn>> Columns = c => new CheckIn
    {
        Id = c.Id,
        ProfileId = c.ProfileId,
        CreatedAt = c.CreatedAt,
        CheckInDate = c.CheckInDate,
        ReleaseId = c.ReleaseId,
        BackPain = c.BackPain,
        HipPain = c.HipPain,
        Triage = c.Triage,
        HipComponent = c.HipComponent,
        Kind = c.Kind,
        Helped = c.Helped,
        DistanceWeek1 = c.DistanceWeek1,
        DistanceWeek2 = c.DistanceWeek2,
        DistanceWeek3 = c.DistanceWeek3,
        DistanceWeek4 = c.DistanceWeek4,
        DistanceUnit = c.DistanceUnit,
        ShoeDistance = c.ShoeDistance,
        NewShoes = c.NewShoes,
        PegTotal = c.PegTotal,
        Note = c.Note,
    };

    /// <summary>A runner's check-ins, newest first (by the day each counts for, then save time). SQLite finds the profile's
    /// rows by the (ProfileId, CreatedAt) index and sorts them; only the rows asked for are read into the app.</summary>
    private static IQueryable<CheckIn> NewestFirst(RunBackDbContext db, Guid profileId) =>
        db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).OrderByDescending(c => c.CheckInDate).ThenByDescending(c => c.CreatedAt);

    /// <summary>Every check-in of a runner, oldest first (the exports, "show all", the quick check-in's earlier weeks).</summary>
    public async Task<IReadOnlyList<CheckIn>> ReadAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.CreatedAt)
            .Select(Columns).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The count, the first and latest day and whether there is a full self-check, in one query: a count over the
    /// profile's index entries and scalar subqueries that each seek one row (LIMIT 1), never the history.
    /// </summary>
    public async Task<HistoryExtent> ExtentAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.CheckIns.Where(c => c.ProfileId == profileId);
        var extent = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => new
        {
            Count = mine.Count(),
            FirstDay = mine.OrderBy(c => c.CheckInDate).ThenBy(c => c.CreatedAt).Select(c => (DateOnly?)c.CheckInDate).FirstOrDefault(),
            FirstAt = mine.OrderBy(c => c.CheckInDate).ThenBy(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefault(),
            LastDay = mine.OrderByDescending(c => c.CheckInDate).ThenByDescending(c => c.CreatedAt).Select(c => (DateOnly?)c.CheckInDate).FirstOrDefault(),
            HasFull = mine.Any(c => c.Kind == CheckInKinds.Full),
        }).FirstOrDefaultAsync(cancellationToken);
        return extent is not { Count: > 0, FirstDay: { } firstDay, FirstAt: { } firstAt }
            ? HistoryExtent.Empty
            : new HistoryExtent(extent.Count, new CheckIn { CheckInDate = firstDay, CreatedAt = firstAt }, extent.LastDay, extent.HasFull);
    }

    /// <summary>
    /// The shoes' running total (Core's <see cref="ShoeCounter"/>), or null when the runner never gave their shoes'
    /// distance, without reading the check-ins since they gave it. The start (the latest full self-check with a shoe
    /// answer, or new shoes on a quick check-in) is one seek of the partial index IX_check_ins_ShoeStart. When the
    /// check-in saved last is a quick check-in saved after the last deletion, the shoe answer it stored is the total it
    /// counted over every check-in there is (QuickStart.ShoesWith, in whole units): that is the total. Otherwise (a full
    /// self-check or new shoes saved last, a deletion since, or an older row) the check-ins dated after the start are
    /// counted again; rows dated on the start's day add nothing (a week counts only after the day the distance was given).
    /// </summary>
    public async Task<ShoeCount?> ShoesAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var start = await NewestFirst(db, profileId).Where(c => c.ShoeDistance != null && (c.Kind == CheckInKinds.Full || c.NewShoes))
            .Select(Columns).FirstOrDefaultAsync(cancellationToken);
        if (start is null)
        {
            return null;
        }
        var last = await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Kind, c.NewShoes, c.ShoeDistance, c.DistanceUnit, c.CreatedAt }).FirstAsync(cancellationToken);
        var deletedAt = await db.Profiles.AsNoTracking().Where(p => p.Id == profileId).Select(p => p.CheckInDeletedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { Kind: CheckInKinds.Quick, NewShoes: false, ShoeDistance: { } total } && last.CreatedAt > start.CreatedAt
            && (deletedAt is null || last.CreatedAt > deletedAt))
        {
            var given = start.Row().Facts;
            return new ShoeCount(TrainingLog.ToKm(total, last.DistanceUnit == TrainingLog.Miles),
                TrainingLog.ToKm(given.ShoeDistance!.Value, given.Miles), start.CheckInDate, given.Miles);
        }
        var after = await NewestFirst(db, profileId).Where(c => c.CheckInDate > start.CheckInDate).Select(Columns).ToListAsync(cancellationToken);
        return ShoeCounter.Count(after.Append(start).Select(c => c.Row()));
    }

    /// <summary>One page of the check-in list, newest first: <paramref name="take"/> rows after the first <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<CheckIn>> PageAsync(Guid profileId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NewestFirst(db, profileId).Skip(skip).Take(take).Select(Columns).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The latest check-ins the chart, the tables and the insights read, oldest first: those dated from
    /// <paramref name="from"/> on, at most <paramref name="most"/>, and always the latest <paramref name="atLeast"/>
    /// whatever their day (the tables show them).
    /// </summary>
    public async Task<IReadOnlyList<CheckIn>> RecentAsync(Guid profileId, DateOnly from, int most, int atLeast, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var nth = await NewestFirst(db, profileId).Skip(atLeast - 1).Select(c => (DateOnly?)c.CheckInDate).FirstOrDefaultAsync(cancellationToken);
        var since = nth is { } day && day < from ? day : from;
        var rows = await NewestFirst(db, profileId).Where(c => c.CheckInDate >= since).Take(Math.Max(most, atLeast))
            .Select(Columns).ToListAsync(cancellationToken);
        rows.Reverse();
        return rows;
    }

    /// <summary>The latest check-in dated on or before <paramref name="day"/> (the 2–3 week rule's starting point beyond the window).</summary>
    public async Task<CheckIn?> LatestOnOrBeforeAsync(Guid profileId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NewestFirst(db, profileId).Where(c => c.CheckInDate <= day).Select(Columns).FirstOrDefaultAsync(cancellationToken);
    }
}
