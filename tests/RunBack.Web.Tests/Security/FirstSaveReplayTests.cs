using System.Net;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24, item 8: the recovery code is shown once. A first save posted again within the replay window opens the same
/// profile (so a browser that lost the first answer is not stranded) but does not hand out the code a second time.
/// </summary>
public sealed class FirstSaveReplayTests : IClassFixture<RunBackFactory>
{
    private readonly RunBackFactory _factory;

    public FirstSaveReplayTests(RunBackFactory factory) => _factory = factory;

    private static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));

    [Fact]
    public async Task RepostOfTheFirstSave_SameProfile_CodeNotShownAgain()
    {
        var key = Guid.NewGuid();
        var first = _factory.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.SaveAsync(first, Answers.NoRisk(), key)).StatusCode);
        var code = await CheckInTests.RecoveryCodeShownAsync(first);

        _factory.Clock.Advance(TimeSpan.FromSeconds(90));
        var replay = _factory.CreateBrowserLikeClient();
        var response = await CheckInClient.SaveAsync(replay, Answers.NoRisk(), key);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SetsCookie(response, "__Host-rb_profile"), "the replay should still open the profile it made");
        Assert.False(SetsCookie(response, "__Host-rb_code"), "the recovery code was handed out again");
        var html = await replay.GetStringAsync("/history");
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await replay.GetStringAsync("/history/export.json"))!["checkIns"]!.AsArray());
    }
}
