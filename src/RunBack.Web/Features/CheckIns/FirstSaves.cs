using System.Collections.Concurrent;

namespace RunBack.Web.Features.CheckIns;

/// <summary>
/// A first save (no profile cookie yet) done once per idempotency key, even when the form is posted twice at the same
/// time: the second post waits for the first and gets the same answer, the same device secret included, so both
/// responses set the one cookie of the one profile made. A browser that drops the first response (a double click
/// cancels it) still ends up on that profile. The recovery code, though, goes to the first response only: it is shown
/// once, and a post repeated within the window (a replay) opens the profile without it (a new code can be made from the
/// history page).
/// <para>
/// The outcome is remembered for <see cref="Remembered"/> in this process's memory only (never in the database): the
/// key is a random GUID that only the runner's own page holds, and it must come with the same answers. Behind several
/// app instances a racing post on another instance meets the unique index on the key instead and is told plainly that
/// the check-in was already saved.
/// </para>
/// </summary>
public sealed class FirstSaves(TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(2);

    private sealed record Entry(string AnswersHash, Lazy<Task<SaveResult>> Save, DateTimeOffset Started)
    {
        public int CodeHandedOut;
    }

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>Runs <paramref name="save"/> once for the key; a concurrent or repeated post with the same answers gets its result.</summary>
    public async Task<SaveResult> RunOnceAsync(Guid key, string answersHash, Func<Task<SaveResult>> save, SaveResult keyReused)
    {
        Forget(clock.GetUtcNow() - Remembered);
        var entry = _entries.GetOrAdd(key, _ => new Entry(answersHash, new Lazy<Task<SaveResult>>(save), clock.GetUtcNow()));
        if (entry.AnswersHash != answersHash)
        {
            return keyReused;
        }
        try
        {
            var result = await entry.Save.Value;
            if (result.Outcome is not SaveOutcome.Saved)
            {
                // Only a save is remembered: after a refusal or a storage failure, trying again really tries again.
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(key, entry));
                return result;
            }
            return Interlocked.Exchange(ref entry.CodeHandedOut, 1) == 0 ? result : result with { NewRecoveryCode = null };
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<Guid, Entry>(key, entry));
            throw;
        }
    }

    private void Forget(DateTimeOffset startedBefore)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Started < startedBefore && entry.Save.IsValueCreated && entry.Save.Value.IsCompleted)
            {
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(key, entry));
            }
        }
    }
}
