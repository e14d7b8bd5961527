using Microsoft.EntityFrameworkCore;
using RunBack.Data;

namespace RunBack.Web.Features.History;

/// <summary>Reads a runner's check-ins for the history page, its chart, the training log and the welcome back.</summary>
public sealed class HistoryReader(IDbContextFactory<RunBackDbContext> dbFactory)
{
    /// <summary>
    /// A runner's check-ins as the history page, its chart and the training log read them, oldest first: the stored
    /// columns only (pain, tier, kind, what helped and the history facts). The answers JSON, the result snapshot and the
    /// id lists are not read and are left empty, so the cost per row stays small and nothing parses JSON.
    /// </summary>
    public async Task<IReadOnlyList<CheckIn>> ReadAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.CreatedAt)
            .Select(c => new CheckIn
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
            }).ToListAsync(cancellationToken);
    }
}
