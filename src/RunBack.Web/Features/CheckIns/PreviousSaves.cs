using Microsoft.EntityFrameworkCore;
using RunBack.Data;
using RunBack.Web.Data;

namespace RunBack.Web.Features.CheckIns;

/// <summary>A save's idempotency key looked up among the runner's earlier saves.</summary>
internal static class PreviousSaves
{
    /// <summary>
    /// What an earlier save with the same idempotency key means for this one: the same answers were already saved,
    /// or the key was used for other answers. Null when the key is new for this profile.
    /// </summary>
    public static async Task<SaveResult?> FindAsync(RunBackDbContext db, Guid profileId, Guid idempotencyKey, string answersHash, CancellationToken cancellationToken)
    {
        var previous = await SavedWithKey.For(db)(db, profileId, idempotencyKey, cancellationToken);
        if (previous is null)
        {
            return null;
        }
        return previous.AnswersHash == answersHash ? new SaveResult(SaveOutcome.AlreadySaved, previous.Id, profileId) : CheckInService.KeyReused;
    }

    private sealed record PreviousSave(Guid Id, string AnswersHash);

    /// <summary>Compiled once: every save runs it (EF's per-call query lookup cost more than the query itself).</summary>
    private static readonly CompiledQueries<Func<RunBackDbContext, Guid, Guid, CancellationToken, Task<PreviousSave?>>> SavedWithKey = new(() =>
        EF.CompileAsyncQuery((RunBackDbContext db, Guid profileId, Guid key, CancellationToken _) =>
            db.CheckIns.AsNoTracking()
                .Where(c => c.ProfileId == profileId && c.IdempotencyKey == key)
                .Select(c => new PreviousSave(c.Id, c.AnswersHash))
                .FirstOrDefault()));
}
