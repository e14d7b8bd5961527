using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Data;
using RunBack.Web.Data;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>
/// Group commit on SQLite: saves that wait for the write turn at the same moment are committed together, each still
/// answered with its own outcome. The turn is held (as a retention sweep holds it) until every save is queued, so the
/// batch is known; commits are counted by an EF interceptor on the app's own contexts.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task ConcurrentSaves_ShareOneCommit_EachIsSavedOnce()
    {
        using var factory = new InterceptingFactory<CommitCounter>();
        var runners = await RunnersWithProfilesAsync(factory, 5);
        var gate = factory.Services.GetRequiredService<WriteGate>();
        var keys = runners.Select(_ => Guid.NewGuid()).ToList();

        var responses = await WhileGateHeldAsync(gate, runners.Count, () => Task.FromResult(0),
            runners.Select((runner, i) => CheckInClient.SaveAsync(runner, Answers.NoRisk(), keys[i])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, factory.Interceptor.CheckInCommits);
        foreach (var key in keys)
        {
            Assert.Equal(1, await factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.IdempotencyKey == key)));
        }
    }

    [Fact]
    public async Task SameKeyTwiceWhileQueued_IsSavedOnce_BothAnsweredWithThatCheckIn()
    {
        using var factory = new InterceptingFactory<CommitCounter>();
        var runners = await RunnersWithProfilesAsync(factory, 2);
        var gate = factory.Services.GetRequiredService<WriteGate>();
        var key = Guid.NewGuid();

        // A double click: the same runner posts the same answers with the same key twice, beside another runner's save.
        var responses = await WhileGateHeldAsync(gate, 3, () => Task.FromResult(0),
        [
            CheckInClient.SaveAsync(runners[0], Answers.NoRisk(), key),
            CheckInClient.SaveAsync(runners[0], Answers.NoRisk(), key),
            CheckInClient.SaveAsync(runners[1], Answers.NoRisk()),
        ]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.IdempotencyKey == key)));
    }

    [Fact]
    public async Task OneFailingSaveInABatch_FailsAlone_TheOthersAreSaved()
    {
        using var factory = new InterceptingFactory<CommitCounter>();
        var runners = await RunnersWithProfilesAsync(factory, 3);
        var gate = factory.Services.GetRequiredService<WriteGate>();
        var keys = runners.Select(_ => Guid.NewGuid()).ToList();
        var goneProfile = await ProfileOfAsync(factory, runners[0]);

        // The first runner's profile is forgotten while its save waits in the queue: its save fails, the batch with it.
        var responses = await WhileGateHeldAsync(gate, runners.Count,
            () => factory.QueryAsync(db => db.Profiles.Where(p => p.Id == goneProfile).ExecuteDeleteAsync()),
            runners.Select((runner, i) => CheckInClient.SaveAsync(runner, Answers.NoRisk(), keys[i])));

        Assert.Equal(HttpStatusCode.Gone, responses[0].StatusCode);
        Assert.Contains("was not saved", await responses[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, responses[1].StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, responses[2].StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.IdempotencyKey == keys[0])));
        Assert.Equal(1, await factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.IdempotencyKey == keys[1])));
        Assert.Equal(1, await factory.QueryAsync(db => db.CheckIns.CountAsync(c => c.IdempotencyKey == keys[2])));
    }

    /// <summary>Runners who have saved once (so each has a profile cookie); the commit count starts after them.</summary>
    private static async Task<List<HttpClient>> RunnersWithProfilesAsync(InterceptingFactory<CommitCounter> factory, int count)
    {
        var runners = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var runner = factory.CreateBrowserLikeClient();
            await CheckInClient.SaveOkAsync(runner, Answers.HipPattern());
            runners.Add(runner);
        }
        factory.Interceptor.Reset();
        return runners;
    }

    private static async Task<Guid> ProfileOfAsync(InterceptingFactory<CommitCounter> factory, HttpClient runner)
    {
        var id = await CheckInClient.SaveOkAsync(runner, Answers.HipPattern());
        factory.Interceptor.Reset();
        return await factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == id).Select(c => c.ProfileId).SingleAsync());
    }

    /// <summary>
    /// Holds the write turn, starts the saves, waits (polling) until all of them are queued, runs <paramref name="meanwhile"/>,
    /// then lets the turn go and returns the answers in order.
    /// </summary>
    private static async Task<HttpResponseMessage[]> WhileGateHeldAsync<T>(WriteGate gate, int queued,
        Func<Task<T>> meanwhile, IEnumerable<Task<HttpResponseMessage>> saves)
    {
        Task<HttpResponseMessage[]> all;
        using (await gate.EnterAsync())
        {
            all = Task.WhenAll(saves.ToList());
            var until = DateTime.UtcNow.AddSeconds(30);
            while (gate.Waiting < queued)
            {
                Assert.True(DateTime.UtcNow < until, $"Only {gate.Waiting} of {queued} saves reached the queue.");
                Assert.False(all.IsCompleted, "A save was answered before it reached the queue.");
                await Task.Delay(10);
            }
            await meanwhile();
        }
        return await all.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Counts the app's committed SaveChanges calls that carried check-ins (one per transaction).</summary>
    internal sealed class CommitCounter : SaveChangesInterceptor
    {
        private int _checkInCommits;

        public int CheckInCommits => Volatile.Read(ref _checkInCommits);

        public void Reset() => Interlocked.Exchange(ref _checkInCommits, 0);

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<CheckIn>().Any() == true)
            {
                Interlocked.Increment(ref _checkInCommits);
            }
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }
    }
}
