using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunBack.Core.Content;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 13 at phone width (390×844): the home page's welcome back for a runner with check-ins (last pain, days
/// since, 4-week trend), with the quick check-in as the main button on the first screen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class HomeWelcomeBackTests(AppFixture app, ITestOutputHelper output)
{
    public static async Task<Guid> SaveAsync(AppFixture app, IPage page, int back, int hip, DateOnly day)
    {
        var answers = Personas.NoRisk();
        answers["back_pain"] = back;
        answers["hip_pain"] = hip;
        await page.GotoAsync("/forget");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var response = await page.Context.APIRequest.PostAsync("/check-ins", new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token)
                .Append("answers", answers.ToJson(day).ToJsonString())
                .Append("release", app.Services.GetRequiredService<ContentStore>().Current.Id)
                .Append("date", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append("key", Guid.NewGuid().ToString()),
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
        return Guid.Parse(response.Headers["location"]["/history?saved=".Length..]);
    }


    [Fact]
    public async Task Home_OnAPhone_WelcomesBackWithLastPainDaysSinceTrend_QuickCheckInFirstOnScreen()
    {
        var page = await app.NewPageAsync(390, 844);
        var today = app.Today;
        await SaveAsync(app, page, 6, 2, today.AddDays(-6));
        await SaveAsync(app, page, 3, 2, today.AddDays(-2));

        await page.GotoAsync("/");

        var welcome = page.GetByRole(AriaRole.Region, new() { Name = "Welcome back" });
        await Assertions.Expect(welcome).ToContainTextAsync("Your last check-in was 2 days ago");
        await Assertions.Expect(welcome).ToContainTextAsync("back 3\u00a0out of 10, hip 2\u00a0out of 10");
        await Assertions.Expect(welcome).ToContainTextAsync("Back pain is better: from 6 to 3 out of 10 over the last 4 weeks.");
        await Assertions.Expect(welcome).ToContainTextAsync("Hip pain is about the same: from 2 to 2 out of 10 over the last 4 weeks.");
        var quick = page.GetByRole(AriaRole.Link, new() { Name = "Quick check-in" });
        await Assertions.Expect(quick).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("button--primary"));
        var box = await quick.BoundingBoxAsync();
        Assert.NotNull(box);
        output.WriteLine($"Quick check-in button bottom at 390x844: {box.Y + box.Height:0} px (screen 844 px)");
        Assert.True(box.Y + box.Height <= 844, $"The quick check-in ends at {box.Y + box.Height:0} px, below the first screen.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The home page scrolls sideways.");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("home-welcome-back-phone"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
