using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Core.History;
using RunBack.Data;
using RunBack.Web.Components;
using RunBack.Web.Features.CheckIns;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Integration;

/// <summary>
/// The shoes' running total on /history without reading the check-ins since the runner gave it (issue 28): a runner
/// who gave 300 km eight years ago and has checked in every week since. Counted as rows read and as SQLite's plan.
/// </summary>
public sealed class ShoeTotalReadTests
{
    private const int Weeks = 400;
    private const double Given = 300;
    private const double Weekly = 10;

    /// <summary>
    /// A full self-check giving <see cref="Given"/> km, moved back <see cref="Weeks"/> + 1 weeks, then a quick check-in
    /// every 7 days since reporting <see cref="Weekly"/> km (inserted as rows: their stored shoe answer is left empty, a
    /// stand-in for saves made before the total was stored), then a real quick check-in today through the form.
    /// </summary>
    private static async Task<(HttpClient Runner, Guid ProfileId, List<Guid> Seeded)> RunnerAsync(RunBackFactory factory)
    {
        var runner = factory.CreateBrowserLikeClient();
        var answers = Answers.NoRisk();
        answers["distance_unit"] = "km";
        answers["shoe_distance"] = Given;
        var firstId = await CheckInClient.SaveOkAsync(runner, answers);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var seeded = new List<Guid>();
        var profileId = await factory.QueryAsync(async db =>
        {
            var first = await db.CheckIns.SingleAsync(c => c.Id == firstId);
            first.CheckInDate = today.AddDays(-7 * (Weeks + 1));
            first.CreatedAt = new DateTimeOffset(first.CheckInDate.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            for (var i = Weeks; i >= 1; i--)
            {
                var day = today.AddDays(-7 * i);
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
                var row = new CheckIn
                {
                    Id = Guid.CreateVersion7(at),
                    ProfileId = first.ProfileId,
                    CreatedAt = at,
                    CheckInDate = day,
                    IdempotencyKey = Guid.NewGuid(),
                    AnswersHash = first.AnswersHash,
                    ReleaseId = first.ReleaseId,
                    AnswersJson = first.AnswersJson,
                    BackPain = 3,
                    Triage = first.Triage,
                    HipComponent = first.HipComponent,
                    Kind = CheckInKinds.Quick,
                    DistanceWeek1 = Weekly,
                    DistanceUnit = "km",
                };
                seeded.Add(row.Id);
                db.CheckIns.Add(row);
            }
            await db.SaveChangesAsync();
            return first.ProfileId;
        });
        var response = await CheckInClient.PostQuickAsync(runner, CheckInClient.QuickForm(today, "12"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (runner, profileId, seeded);
    }

    /// <summary>What Core's counter makes of every check-in the profile has now: the total the page must show.</summary>
    private static Task<ShoeCount?> RecountAsync(RunBackFactory factory, Guid profileId) =>
        factory.QueryAsync(async db => ShoeCounter.Count((await db.CheckIns.AsNoTracking().Where(c => c.ProfileId == profileId).ToListAsync()).Select(c => c.Row())));

    /// <summary>The shoe line the page must show for <paramref name="count"/> (in km, UK edition), up to its closing bracket.</summary>
    private static string Line(ShoeCount? count) =>
        TestWording.In("en-GB", () => TrainingWording.Shoes(TestWording.Localizer, count!, miles: false))[..^1];

    private static async Task<string> ShoeLineAsync(HttpClient runner)
    {
        var html = WebUtility.HtmlDecode(await runner.GetStringAsync("/history"));
        var at = html.IndexOf("about ", html.IndexOf("Your shoes", StringComparison.Ordinal), StringComparison.Ordinal);
        return html[at..html.IndexOf(')', at)];
    }

    [Fact]
    public async Task EightYearsOfWeeklyCheckIns_HistoryShowsTheShoeTotal_WithoutReadingThem_AndCountsAgainAfterADeletion()
    {
        await using var factory = new InterceptingFactory<HistoryRowsReadTests.RowCounter>();
        var (runner, profileId, seeded) = await RunnerAsync(factory);

        // 300 km given, 400 weeks of 10 km, 12 km this week: the quick check-in stored the whole count as its shoe answer.
        var expected = await RecountAsync(factory, profileId);
        Assert.Equal(Given + Weeks * Weekly + 12, expected!.Km);
        factory.Interceptor.Reset();
        var line = await ShoeLineAsync(runner);
        Assert.Equal(Line(expected), line);
        Assert.Contains("since you gave 300\u00A0km on ", line, StringComparison.Ordinal);
        Assert.InRange(factory.Interceptor.Read, 1, RunBack.Web.Features.History.History.MostCheckIns + 2 * CheckInService.PageSize);

        // Deleting a week the stored total counted: the page counts again from the check-ins and says 10 km less.
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().DeleteAsync(profileId, seeded[Weeks / 2]));
        }
        var afterDelete = await RecountAsync(factory, profileId);
        Assert.Equal(Given + (Weeks - 1) * Weekly + 12, afterDelete!.Km);
        Assert.Equal(Line(afterDelete), await ShoeLineAsync(runner));

        // The next quick check-in counts over what is left and stores it: bounded again.
        factory.Clock.Advance(TimeSpan.FromDays(7));
        var nextDay = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(HttpStatusCode.Redirect, (await CheckInClient.PostQuickAsync(runner, CheckInClient.QuickForm(nextDay, "8"))).StatusCode);
        var next = await RecountAsync(factory, profileId);
        Assert.Equal(Given + (Weeks - 1) * Weekly + 12 + 8, next!.Km);
        factory.Interceptor.Reset();
        Assert.Equal(Line(next), await ShoeLineAsync(runner));
        Assert.InRange(factory.Interceptor.Read, 1, RunBack.Web.Features.History.History.MostCheckIns + 2 * CheckInService.PageSize);
    }

    [Fact]
    public async Task ShoeStart_SeeksItsPartialIndex_NotEveryQuickCheckIn()
    {
        await using var factory = new InterceptingFactory<QueryPlans>();
        var (runner, _, _) = await RunnerAsync(factory);

        await runner.GetStringAsync("/history");

        var plans = factory.Interceptor.Of("OR \"c\".\"NewShoes\")");
        Assert.NotEmpty(plans);
        Assert.All(plans, plan => Assert.Contains(plan, step => step.Contains("USING INDEX IX_check_ins_ShoeStart", StringComparison.Ordinal)));
        Assert.All(plans, plan => Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal)));
    }
}
