using System.Net;
using System.Text.RegularExpressions;
using RunBack.Data;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// A runner with years of check-ins (1,000, several a week) gets a /history page of bounded size: ten check-in cards
/// with a link pager, the tables' latest rows with "show all", and a chart of at most 52 weekly points.
/// </summary>
public sealed partial class HistoryLengthTests
{
    private const int Many = 1000;

    [GeneratedRegex("class=\"history-chart__back-point\"")]
    private static partial Regex BackPoint();

    [GeneratedRegex("<li class=\"card checkin\"")]
    private static partial Regex Card();

    [GeneratedRegex("<tr><th scope=\"row\">")]
    private static partial Regex TableRow();

    /// <summary>Saves one check-in through the form (the profile and its cookie), then adds the rest to its rows directly.</summary>
    internal static async Task<HttpClient> RunnerWithAsync(RunBackFactory factory, int count)
    {
        var runner = factory.CreateBrowserLikeClient();
        var first = await CheckInClient.SaveOkAsync(runner, Answers.NoRisk());
        await factory.QueryAsync(async db =>
        {
            var template = await db.CheckIns.FindAsync(first);
            var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
            for (var i = 1; i < count; i++)
            {
                // Every other day back in time: three or four a week, for years.
                var day = today.AddDays(-2 * i);
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
                db.CheckIns.Add(new CheckIn
                {
                    Id = Guid.CreateVersion7(at),
                    ProfileId = template!.ProfileId,
                    CreatedAt = at,
                    CheckInDate = day,
                    IdempotencyKey = Guid.NewGuid(),
                    AnswersHash = template.AnswersHash,
                    ReleaseId = template.ReleaseId,
                    AnswersJson = template.AnswersJson,
                    BackPain = i * 7 % 11,
                    HipPain = i * 3 % 11,
                    Triage = template.Triage,
                    HipComponent = template.HipComponent,
                    FactorIds = template.FactorIds,
                    GuidanceIds = template.GuidanceIds,
                    FiredRuleIds = template.FiredRuleIds,
                    // The history columns are written at save time from the answers: the same answers, the same columns.
                    DistanceWeek1 = template.DistanceWeek1,
                    DistanceWeek2 = template.DistanceWeek2,
                    DistanceWeek3 = template.DistanceWeek3,
                    DistanceWeek4 = template.DistanceWeek4,
                    DistanceUnit = template.DistanceUnit,
                    ShoeDistance = template.ShoeDistance,
                    PegTotal = template.PegTotal,
                });
            }
            return await db.SaveChangesAsync();
        });
        return runner;
    }

    [Fact]
    public async Task ThousandCheckIns_PageIsBounded_PagerAndShowAllWork()
    {
        await using var factory = new RunBackFactory();
        var runner = await RunnerWithAsync(factory, Many);

        var response = await runner.GetAsync("/history");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var html = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bytes.Length <= 60 * 1024, $"/history with {Many} check-ins is {bytes.Length} bytes");
        Assert.Equal(10, Card().Count(html));
        // Two charts (wide and narrow), each at most one point per week of the last 52.
        Assert.InRange(BackPoint().Count(html), 2, 2 * 53);
        Assert.Contains("one point per week", html, StringComparison.Ordinal);
        Assert.Equal(2 * RunBack.Web.Features.History.History.TableRows, TableRow().Count(html));
        Assert.Contains($"Show all {Many} check-ins", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/history?page=2\"", html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 100", html, StringComparison.Ordinal);

        var last = await runner.GetStringAsync("/history?page=100");
        Assert.Equal(10, Card().Count(last));
        Assert.Contains("href=\"/history?page=99\"", last, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/history?page=101\"", last, StringComparison.Ordinal);

        // "Show all": every check-in in the table, on request.
        var all = await runner.GetStringAsync("/history?table=all");
        Assert.True(TableRow().Count(all) >= Many, "the full table lists every check-in");
    }
}
