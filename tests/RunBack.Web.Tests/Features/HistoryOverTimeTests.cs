using System.Globalization;
using System.Net;
using RunBack.Web.Tests.Infrastructure;
using RunBack.Web.Tests.Integration;

namespace RunBack.Web.Tests.Features;

/// <summary>Trends and the 2–3 week rule, end to end: check-ins saved on different days by moving the app's fake clock.</summary>
public sealed class HistoryOverTimeTests : IDisposable
{
    private readonly RunBackFactory _factory = new();

    private async Task SaveTodayAsync(HttpClient client, int backPain)
    {
        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        var response = await CheckInClient.SaveAsync(client, Answers.NoRisk().With("back_pain", backPain),
            date: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> HistoryAsync(HttpClient client) => WebUtility.HtmlDecode(await client.GetStringAsync("/history"));

    [Fact]
    public async Task PainRisingOverFourDays_IsShownAsWorseWithItsPoints()
    {
        var client = _factory.CreateBrowserLikeClient();
        await SaveTodayAsync(client, 3);
        _factory.Clock.Advance(TimeSpan.FromDays(4));
        await SaveTodayAsync(client, 6);

        var html = await HistoryAsync(client);

        Assert.Contains("Back pain has worsened by 3 points over the last 4\u00A0days", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoBetterAfterTwoWeeksOfCheckIns_PromptsAProfessional_NotBefore()
    {
        var client = _factory.CreateBrowserLikeClient();
        await SaveTodayAsync(client, 4);
        _factory.Clock.Advance(TimeSpan.FromDays(7));
        await SaveTodayAsync(client, 4);
        Assert.DoesNotContain("Time to get it checked.", await HistoryAsync(client), StringComparison.Ordinal);

        _factory.Clock.Advance(TimeSpan.FromDays(8));
        await SaveTodayAsync(client, 4);

        Assert.Contains("Time to get it checked.", await HistoryAsync(client), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
