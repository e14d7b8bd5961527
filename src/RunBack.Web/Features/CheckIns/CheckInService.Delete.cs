using Microsoft.EntityFrameworkCore;
using RunBack.Data;

namespace RunBack.Web.Features.CheckIns;

public sealed partial class CheckInService
{
    /// <summary>Deletes one of the profile's check-ins, first noting when on the profile (<see cref="Profile.CheckInDeletedAt"/>:
    /// a shoe total stored earlier counted it, so the history counts again; noted first, a failure costs a recount at most).</summary>
    public async Task<bool> DeleteAsync(Guid profileId, Guid checkInId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Profiles.Where(p => p.Id == profileId && db.CheckIns.Any(c => c.Id == checkInId && c.ProfileId == profileId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CheckInDeletedAt, now), cancellationToken);
        return await db.CheckIns.Where(c => c.Id == checkInId && c.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
