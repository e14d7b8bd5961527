using System.Net;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The home page greets a runner with check-ins: last back and hip pain, days since the last check-in, the trend over the
/// last 4 weeks and the quick check-in as the main button. It is the runner's own: never cached, never shown to another.
/// </summary>
public sealed class WelcomeBackTests
{
    [Fact]
    public async Task Home_RunnerWithCheckIns_ShowsLastPainDaysSinceAndFourWeekTrend_NotStored()
    {
        await using var factory = new RunBackFactory();
        var runner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk().With("back_pain", 6).With("hip_pain", 4));
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk(Answers.Today.AddDays(10)).With("back_pain", 3).With("hip_pain", 4), date: Answers.Today.AddDays(10));
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var response = await runner.GetAsync("/");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Welcome back", html, StringComparison.Ordinal);
        Assert.Contains("Your last check-in was <strong>3\u00A0days ago</strong>", html, StringComparison.Ordinal);
        Assert.Matches(@"back <strong>3\s?out of 10</strong>, hip <strong>4\s?out of 10</strong>", html);
        Assert.Contains("Back pain is better: from 6 to 3 out of 10 over the last 4\u00A0weeks.", html, StringComparison.Ordinal);
        Assert.Contains("Hip pain is about the same: from 4 to 4 out of 10 over the last 4\u00A0weeks.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"button button--primary button--large\" href=\"/check-in/quick\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Home_WelcomeBack_NeverServedFromCacheToAnotherRunnerOrANewcomer()
    {
        await using var factory = new RunBackFactory();
        var runnerA = factory.CreateBrowserLikeClient();
        var runnerB = factory.CreateBrowserLikeClient();
        var newcomer = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runnerA, Answers.NoRisk().With("back_pain", 7).With("hip_pain", 1));
        await CheckInClient.SaveOkAsync(runnerB, Answers.NoRisk().With("back_pain", 2).With("hip_pain", 8));

        var a = WebUtility.HtmlDecode(await runnerA.GetStringAsync("/"));
        var aAgain = await runnerA.GetAsync("/");
        var b = WebUtility.HtmlDecode(await runnerB.GetStringAsync("/"));
        await newcomer.GetAsync("/");
        var newcomerAgain = await newcomer.GetAsync("/");

        Assert.Matches(@"back <strong>7\s?out of 10</strong>", a);
        Assert.False(aAgain.Headers.Contains("Age"), "a runner's welcome back came from the cache");
        Assert.Matches(@"back <strong>2\s?out of 10</strong>, hip <strong>8\s?out of 10</strong>", b);
        Assert.True(newcomerAgain.Headers.Contains("Age"), "the newcomer's home page should still come from the cache");
        Assert.DoesNotContain("Welcome back", await newcomerAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_StorageDown_HomeAsForANewcomerAndStill200()
    {
        await using var factory = new RunBackFactory();
        var runner = factory.CreateBrowserLikeClient();
        await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        var away = factory.Directory + "-away";
        Directory.Move(factory.Directory, away);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var response = await runner.GetAsync("/");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Welcome back", html, StringComparison.Ordinal);
            Assert.Contains("Start the self-check", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Move(away, factory.Directory);
        }
    }
}
