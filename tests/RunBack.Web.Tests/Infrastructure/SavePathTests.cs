using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Data;
using RunBack.Web.Data;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Infrastructure;

/// <summary>
/// What a save costs besides its commit (issue 28): work that was repeated on every save and did nothing. Contexts come
/// from a pool, and a save whose country is the profile's own writes nothing to the profile (the pragmas, once per real
/// connection: SqlitePragmaTests). Each is counted, never timed.
/// </summary>
public sealed class SavePathTests
{
    [Fact]
    public async Task AppContexts_ComeFromAPool_AndComeBackClean()
    {
        using var factory = new RunBackFactory();
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<RunBackDbContext>>();
        var reused = false;
        // The app's background work may take the returned context first; a few tries find it again.
        for (var attempt = 0; attempt < 5 && !reused; attempt++)
        {
            var first = await contexts.CreateDbContextAsync();
            first.Profiles.Add(new Profile { Id = Guid.NewGuid(), RecoveryHash = [1] }); // never saved
            await first.DisposeAsync();
            await using var second = await contexts.CreateDbContextAsync();
            reused = ReferenceEquals(first, second);
            Assert.Empty(second.ChangeTracker.Entries());
        }
        Assert.True(reused, "The app's context factory made a new context each time.");
    }

    [Fact]
    public async Task SaveWithTheProfilesOwnCountry_WritesNothingToTheProfile()
    {
        using var factory = new InterceptingFactory<CommandCounter>();
        var runner = factory.CreateBrowserLikeClient();
        var first = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk()); // the browser's country is kept with the new profile
        var profileId = await factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == first).Select(c => c.ProfileId).SingleAsync());
        var kept = await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).SingleAsync());
        Assert.NotNull(kept);

        factory.Interceptor.Reset();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());

        Assert.Equal(0, factory.Interceptor.ProfileUpdates);
        // The country comes with the profile's lookup by device key (one query on device_keys joined to profiles), so
        // nothing on the save's path asks the profiles table on its own.
        Assert.Equal(0, factory.Interceptor.ProfileReads);
        Assert.NotEqual(first, second);
        Assert.Equal(kept, await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).SingleAsync()));
    }

    [Fact]
    public async Task SaveForAProfileWithoutACountry_KeepsTheBrowsersCountry()
    {
        using var factory = new InterceptingFactory<CommandCounter>();
        var runner = factory.CreateBrowserLikeClient();
        var first = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        var profileId = await factory.QueryAsync(db => db.CheckIns.Where(c => c.Id == first).Select(c => c.ProfileId).SingleAsync());
        var kept = await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).SingleAsync());
        // A profile saved before the country was asked: none kept.
        await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Country, (string?)null)));

        factory.Interceptor.Reset();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());

        Assert.Equal(1, factory.Interceptor.ProfileUpdates);
        Assert.Equal(kept, await factory.QueryAsync(db => db.Profiles.Where(p => p.Id == profileId).Select(p => p.Country).SingleAsync()));
    }

    [Fact]
    public async Task DiagnosticsEndpoint_ReportsTheWriteGatesCommitsAndTheSavesTheyCarried()
    {
        using var factory = new RunBackFactory();
        factory.Settings["Diagnostics:MemoryEndpoint"] = "true";
        var runner = factory.CreateBrowserLikeClient("127.0.0.1");
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());

        var report = System.Text.Json.Nodes.JsonNode.Parse(await runner.GetStringAsync("/_diagnostics/memory"))!;
        var gate = factory.Services.GetRequiredService<WriteGate>();
        Assert.Equal(2, gate.Saves);
        Assert.Equal(gate.Saves, report["writeSaves"]!.GetValue<long>());
        Assert.Equal(gate.Commits, report["writeCommits"]!.GetValue<long>());
    }

    /// <summary>Counts the app's UPDATE statements on the profiles table (a country kept, a profile touched) and its queries that read it first.</summary>
    internal sealed class CommandCounter : DbCommandInterceptor
    {
        private int _profileUpdates;
        private int _profileReads;

        public int ProfileUpdates => Volatile.Read(ref _profileUpdates);

        public int ProfileReads => Volatile.Read(ref _profileReads);

        public void Reset()
        {
            Interlocked.Exchange(ref _profileUpdates, 0);
            Interlocked.Exchange(ref _profileReads, 0);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"profiles\"", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _profileReads);
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"profiles\"", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _profileUpdates);
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
