using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RunBack.Core.Content;
using RunBack.Core.History;
using RunBack.Core.Questionnaire;
using RunBack.Core.Rules;
using RunBack.Data;
using RunBack.Web.Common;
using RunBack.Web.Data;
using RunBack.Web.Features.Assessments;
using RunBack.Web.Features.Profiles;

namespace RunBack.Web.Features.CheckIns;

/// <summary>Saves, lists, reads, exports and deletes one runner's check-ins. Every query is scoped to the owner's profile.</summary>
public sealed partial class CheckInService(
    IDbContextFactory<RunBackDbContext> dbFactory,
    AssessmentService assessments,
    ProfileService profiles,
    FirstSaves firstSaves,
    WriteGate writeGate,
    TimeProvider clock,
    StorageFailureLog failures,
    RunBackMetrics metrics)
{
    public const int PageSize = 10;

    /// <summary>
    /// Saves answers the intake accepted (it read, dated, validated and assessed them once: nothing is checked or evaluated
    /// again here), creating an anonymous profile on the first save. All in one transaction: complete or nothing.
    /// </summary>
    /// <remarks>The runner's own note (<paramref name="note"/>, already read by <see cref="RunnerNote.Read"/>; null: none) is
    /// stored beside the answers, never among them: the rules never see it. It counts in the idempotency hash, so a key
    /// reused with another note is refused like one reused with other answers.</remarks>
    public async Task<SaveResult> SaveAsync(Guid? profileId, CheckedAnswers read, Guid idempotencyKey,
        QuickDetails? quick = null, string? note = null, CancellationToken cancellationToken = default)
    {
        var (_, answers, _, _, assessment) = read;
        if (idempotencyKey == Guid.Empty)
        {
            return new SaveResult(SaveOutcome.Invalid, Message: "This result cannot be saved. Please start the self-check again.");
        }
        var answersJson = AnswerParser.ToJson(answers);
        var answersHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(note is null ? answersJson : answersJson + "\0note\0" + note)));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Not the request's token when new: a double click cancels the first post, and the second is waiting on this save.
        var result = profileId is null
            ? await firstSaves.RunOnceAsync(idempotencyKey, answersHash,
                () => SaveAsync(null, read, assessment, idempotencyKey, answersJson, answersHash, quick, note, CancellationToken.None), KeyReused)
            : await SaveAsync(profileId, read, assessment, idempotencyKey, answersJson, answersHash, quick, note, cancellationToken);
        metrics.Saved(result.Outcome.ToString(), RunBackMetrics.Since(started));
        if (result.Outcome == SaveOutcome.Saved)
        {
            metrics.CheckInSaved(assessment.Triage.Id()); // the tier only: never an answer
        }
        return result;
    }

    private async Task<SaveResult> SaveAsync(Guid? profileId, CheckedAnswers read, Assessment assessment, Guid idempotencyKey,
        string answersJson, string answersHash, QuickDetails? quick, string? note, CancellationToken cancellationToken)
    {
        var (release, answers, date, _, _) = read;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (profileId is { } existingProfile
                && await PreviousSaves.FindAsync(db, existingProfile, idempotencyKey, answersHash, cancellationToken) is { } previous)
            {
                return previous;
            }
            string? secret = null, code = null;
            Profile? newProfile = null;
            var ownerId = profileId;
            if (ownerId is null)
            {
                (newProfile, secret, code) = profiles.NewProfile();
                ownerId = newProfile.Id;
            }
            var now = clock.GetUtcNow();
            var checkIn = new CheckIn
            {
                Id = Guid.CreateVersion7(now),
                ProfileId = ownerId.Value,
                CreatedAt = now,
                CheckInDate = date,
                IdempotencyKey = idempotencyKey,
                AnswersHash = answersHash,
                ReleaseId = release.Id,
                AnswersJson = answersJson,
                BackPain = (int)answers.Get("back_pain").Number,
                HipPain = (int)answers.Get("hip_pain").Number,
                Triage = assessment.Triage.Id(),
                HipComponent = assessment.Hip.Component.Id(),
                FactorIds = string.Join(' ', assessment.Factors.Select(f => f.Id)),
                GuidanceIds = string.Join(' ', assessment.Guidance.Select(g => g.Item.Id)),
                FiredRuleIds = string.Join(' ', assessment.FiredRuleIds),
                ResultSnapshot = RunBack.Core.Rules.ResultSnapshot.From(release, assessment).ToJson(),
                Kind = quick is null ? CheckInKinds.Full : CheckInKinds.Quick,
                SinceLastTime = quick?.SinceLastTime,
                Helped = quick?.Helped ?? "",
                CarriedFromDate = quick?.CarriedFromDate,
                NewShoes = quick?.NewShoes ?? false,
                Note = note,
            }.With(HistoryFacts.From(answers));
            // Committed with whatever other saves wait at this moment (group commit), answered once it is on disk.
            await writeGate.SaveAsync(batch =>
            {
                if (newProfile is not null)
                {
                    batch.Profiles.Add(newProfile);
                }
                batch.CheckIns.Add(checkIn);
            }, idempotencyKey, cancellationToken);
            return new SaveResult(SaveOutcome.Saved, checkIn.Id, ownerId, secret, code);
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex) && profileId is null)
        {
            // The unique index on the key alone: another instance made the first save for this key. No second profile.
            return new SaveResult(SaveOutcome.SavedByAnotherRequest, Message: "This check-in was already saved a moment ago (the form was sent twice). " +
                "Open your history from the page that saved it; if this browser does not show it, use your recovery code.");
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
        {
            // Two identical requests raced: the unique index on the key let one through. Report that one.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await PreviousSaves.FindAsync(db, profileId!.Value, idempotencyKey, answersHash, cancellationToken) ?? KeyReused;
        }
        catch (DbUpdateException ex) when (StorageErrors.IsMissingParent(ex))
        {
            return new SaveResult(SaveOutcome.ProfileGone, Message: "Your history was deleted (\"forget me\") while this check-in was being saved, " +
                "so it was not saved. You can save these answers again, which starts a new, empty history.");
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            failures.Failed("saving a check-in", StorageErrors.Kind(ex));
            return StorageDown;
        }
    }

    internal static readonly SaveResult KeyReused =
        new(SaveOutcome.KeyReusedWithOtherAnswers, Message: "This check-in was already saved with different answers.");

    /// <summary>Storage failed (during the save, or already while looking up the runner's profile): nothing was saved.</summary>
    public static readonly SaveResult StorageDown = new(SaveOutcome.StorageUnavailable,
        Message: "We could not save your check-in just now because storage on our side is not available. Nothing was saved. Your answers are still here: please try again in a moment.");

    /// <summary>All of a runner's check-ins, oldest first (for the chart, insights and export).</summary>
    public async Task<IReadOnlyList<CheckIn>> AllAsync(Guid profileId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId)
            .OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A runner's check-ins, oldest first, read one at a time as the caller asks for them (the exports stream them: a long
    /// history is never held in memory at once).
    /// </summary>
    public async IAsyncEnumerable<CheckIn> StreamAsync(Guid profileId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var c in db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).OrderBy(c => c.CreatedAt)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return c;
        }
    }

    /// <summary>One check-in, only if it belongs to the profile; another runner's id gives null, never the row.</summary>
    public async Task<CheckIn?> FindAsync(Guid profileId, Guid checkInId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkInId && c.ProfileId == profileId, cancellationToken);
    }

    /// <summary>
    /// The result as told for a stored check-in: the snapshot kept at save time. A check-in saved before snapshots were kept
    /// gets its snapshot computed once, from a replay under the release it was saved with, and stored (only where none is).
    /// Null when the release is gone or the answers no longer read.
    /// </summary>
    public async Task<ResultSnapshot?> SnapshotAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        if (ResultSnapshot.FromJson(checkIn.ResultSnapshot) is { } kept)
        {
            return kept;
        }
        return Replay(checkIn) is var (release, _, assessment) ? await BackfillAsync(checkIn, release, assessment, cancellationToken) : null;
    }

    /// <summary>
    /// A saved check-in as its pages show it (the check-in page, the printable summary and its PDF): the stored snapshot
    /// decides what the runner was told (tier, warning signs, factors, hip component, guidance and its order); one replay
    /// under the check-in's release only lends the explaining words. A row without a snapshot gets it kept once.
    /// Null when the release is gone or the answers no longer read.
    /// </summary>
    public async Task<(ContentRelease Release, AnswerSet Answers, Assessment Assessment)?> RecordAsync(CheckIn checkIn,
        CancellationToken cancellationToken = default)
    {
        if (Replay(checkIn) is not var (release, answers, replayed))
        {
            return null;
        }
        var snapshot = ResultSnapshot.FromJson(checkIn.ResultSnapshot)
            ?? await BackfillAsync(checkIn, release, replayed, cancellationToken);
        return (release, answers, StoredResult.Apply(snapshot, release, replayed));
    }

    private async Task<ResultSnapshot> BackfillAsync(CheckIn checkIn, ContentRelease release, Assessment assessment,
        CancellationToken cancellationToken)
    {
        var snapshot = ResultSnapshot.From(release, assessment);
        var json = snapshot.ToJson();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            using (await writeGate.EnterAsync(cancellationToken))
            {
                await db.CheckIns.Where(c => c.Id == checkIn.Id && c.ResultSnapshot == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.ResultSnapshot, json), cancellationToken);
            }
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            failures.Failed("keeping a check-in's result snapshot", StorageErrors.Kind(ex)); // computed again at the next read
        }
        return snapshot;
    }

    /// <summary>Re-evaluates a stored check-in with the release it was made with: the guidance exactly as given that day.</summary>
    public (ContentRelease Release, AnswerSet Answers, Assessment Assessment)? Replay(CheckIn checkIn)
    {
        var release = assessments.Find(checkIn.ReleaseId);
        if (release is null)
        {
            return null;
        }
        var (answers, errors) = AnswerParser.FromJson(checkIn.AnswersJson, release.Questionnaire);
        return errors.Count > 0 ? null : (release, answers, AssessmentService.Evaluate(release, answers, checkIn.CheckInDate));
    }
}
