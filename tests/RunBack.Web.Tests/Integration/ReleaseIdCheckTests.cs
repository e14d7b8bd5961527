using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RunBack.Core.Content;
using RunBack.Data;
using RunBack.Web.Data;
using RunBack.Web.Hosting;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// At start-up the app refuses a database holding check-ins under a release it lacks (issue 28: the check must not
/// grow with the database, so it seeks the ReleaseId index once per distinct release instead of scanning check-ins).
/// </summary>
public sealed class ReleaseIdCheckTests
{
    private static async Task AddCheckInsAsync(RunBackFactory factory, params string[] releaseIds)
    {
        await factory.QueryAsync(async db =>
        {
            var profile = new Profile { Id = Guid.NewGuid(), RecoveryHash = Guid.NewGuid().ToByteArray(), CreatedAt = RunBackFactory.Start, LastActiveAt = RunBackFactory.Start };
            db.Profiles.Add(profile);
            foreach (var (releaseId, i) in releaseIds.Select((r, i) => (r, i)))
            {
                db.CheckIns.Add(new CheckIn
                {
                    Id = Guid.NewGuid(),
                    ProfileId = profile.Id,
                    CreatedAt = RunBackFactory.Start.AddSeconds(i),
                    CheckInDate = Answers.Today,
                    IdempotencyKey = Guid.NewGuid(),
                    ReleaseId = releaseId,
                    Triage = "self_care",
                    HipComponent = "none",
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task DatabaseHoldingReleasesTheInstanceLacks_IsRefused_NamingEachOfThem()
    {
        await using var factory = new RunBackFactory();
        factory.CreateClient().Dispose();
        var store = factory.Services.GetRequiredService<ContentStore>();
        // Missing releases below, between and above the ones the instance has: the skip scan must find each, once.
        await AddCheckInsAsync(factory, "1999.1.0", store.Current.Id, store.Current.Id, "2026.11.5", "2099.9.0", "2099.9.0", store.Releases[0].Id);

        var missing = await factory.QueryAsync(db => PersistenceHosting.MissingReleasesAsync(db, store));

        Assert.Equal(["1999.1.0", "2026.11.5", "2099.9.0"], missing);
        var refusal = Assert.Throws<RunBack.Web.Common.StartupRefusedException>(() => PersistenceHosting.RefuseMissingReleases(missing));
        Assert.Equal("The database has check-ins under content release(s) 1999.1.0, 2026.11.5, 2099.9.0, which this instance does not have: deploy content/ with every published release.", refusal.Message);
    }

    [Fact]
    public async Task DatabaseHoldingOnlyReleasesTheInstanceHas_IsAccepted()
    {
        await using var factory = new RunBackFactory();
        factory.CreateClient().Dispose();
        var store = factory.Services.GetRequiredService<ContentStore>();
        await AddCheckInsAsync(factory, [.. store.Releases.Select(r => r.Id)]);

        Assert.Empty(await factory.QueryAsync(db => PersistenceHosting.MissingReleasesAsync(db, store)));
    }

    [Fact]
    public async Task ReleaseIdCheck_SeeksTheReleaseIndex_AndNeverScansTheCheckIns()
    {
        await using var factory = new RunBackFactory();
        factory.CreateClient().Dispose();
        var store = factory.Services.GetRequiredService<ContentStore>();
        var known = store.Releases.Select(r => r.Id).ToArray();
        await AddCheckInsAsync(factory, [.. Enumerable.Range(0, 60).Select(i => known[i % known.Length]), "1999.1.0"]);

        var plans = new QueryPlans();
        var builder = new DbContextOptionsBuilder<RunBackDbContext>();
        DatabaseSetup.Configure(builder, factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value, factory.Services.GetRequiredService<IHostEnvironment>());
        await using var db = new RunBackDbContext((DbContextOptions<RunBackDbContext>)builder.AddInterceptors(plans).Options);

        var missing = await PersistenceHosting.MissingReleasesAsync(db, store);

        Assert.Equal(["1999.1.0"], missing);
        Assert.NotEmpty(plans.Steps);
        // SQLite's plan names each table access: SEARCH (an index seek) or SCAN (every row, or every index entry).
        Assert.All(plans.Steps, step => Assert.Matches(@"^SEARCH \w+ USING COVERING INDEX IX_check_ins_ReleaseId \(ReleaseId>\?\)$", step));
        // One seek per distinct release id, and one that finds nothing: not one per check-in.
        Assert.Equal(known.Length + 2, plans.Queries);
    }
}
