using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.Rules;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// Issue 22 item 2: a save keeps the result as told (a snapshot with the release and the engine version), and a check-in
/// saved before snapshots were kept gets its snapshot computed once, from a replay under its own release, and stored.
/// </summary>
public sealed class ResultSnapshotTests
{
    /// <summary>The one check-in's stored snapshot (each test starts from an empty database and saves one).</summary>
    private static async Task<string?> StoredSnapshotAsync(RunBackFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ResultSnapshot FROM check_ins";
        return await command.ExecuteScalarAsync() as string;
    }

    [Fact]
    public async Task Save_KeepsTheResultAsTold_WithReleaseAndEngineVersion()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();

        var id = await CheckInClient.SaveOkAsync(client, Answers.RedFlag());

        var snapshot = ResultSnapshot.FromJson(await StoredSnapshotAsync(factory));
        Assert.NotNull(snapshot);
        Assert.Equal(RulesEngine.Version, snapshot.Engine);
        Assert.Equal(RepoPaths.ServedRelease, snapshot.Release);
        Assert.Equal("emergency", snapshot.Triage);
        Assert.NotEmpty(snapshot.Flags);
        Assert.All(snapshot.Flags, f => Assert.NotEmpty(f.Evidence));
        var checkIns = factory.Services.GetRequiredService<CheckInService>();
        var (profileId, row) = await RowAsync(factory, id);
        var (release, _, replayed) = checkIns.Replay(row)!.Value;
        Assert.True(ResultSnapshot.From(release, replayed).SameAs(snapshot), "The stored snapshot is not the result the rules give for the saved answers.");
        Assert.Equal(string.Join(' ', snapshot.Guidance), row.GuidanceIds);
        Assert.NotEqual(Guid.Empty, profileId);
    }

    [Fact]
    public async Task CheckInSavedBeforeSnapshots_GetsItsSnapshotOnce_FromItsOwnRelease()
    {
        await using var factory = new RunBackFactory();
        var client = factory.CreateBrowserLikeClient();
        var id = await CheckInClient.SaveOkAsync(client, Answers.HipPattern());
        var kept = await StoredSnapshotAsync(factory);
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE check_ins SET ResultSnapshot = NULL";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var checkIns = factory.Services.GetRequiredService<CheckInService>();
        var (_, row) = await RowAsync(factory, id);
        Assert.Null(row.ResultSnapshot);

        var snapshot = await checkIns.SnapshotAsync(row);

        Assert.NotNull(snapshot);
        Assert.Equal(kept, await StoredSnapshotAsync(factory));
        Assert.Equal("likely", snapshot.Hip);
    }

    private static async Task<(Guid ProfileId, RunBack.Data.CheckIn Row)> RowAsync(RunBackFactory factory, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ProfileId FROM check_ins";
        var profile = await command.ExecuteScalarAsync();
        var profileId = Guid.Parse((string)profile!);
        var row = await factory.Services.GetRequiredService<CheckInService>().FindAsync(profileId, id);
        return (profileId, row!);
    }
}
