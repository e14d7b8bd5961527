using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RunBack.Core.Content;

namespace RunBack.BrowserTests;

/// <summary>
/// Answers to form posts and error pages come in the site's own look (header, phone layout, plain words, a button
/// onward) and with their real status code.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ErrorPageTests(AppFixture app)
{
    private string Release => app.Services.GetRequiredService<ContentStore>().Current.Id;

    private static async Task<string> TokenAsync(IPage page)
    {
        await page.GotoAsync("/forget");
        return await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
    }

    private static async Task<IAPIResponse> PostAsync(IPage page, string path, params (string Name, string Value)[] fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form = form.Append(name, value);
        }
        return await page.Context.APIRequest.PostAsync(path, new() { Form = form, MaxRedirects = 0 });
    }

    /// <summary>Shows a response's HTML in the page (as the browser would after the post) and checks it is a whole site page.</summary>
    private static async Task ExpectSitePageAsync(IPage page, IAPIResponse response, int status, string heading, string button, string screenshot)
    {
        Assert.Equal(status, response.Status);
        var html = await response.TextAsync();
        await page.RouteAsync("**/shown-answer", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = html }));
        await page.GotoAsync("/shown-answer");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        var onward = page.GetByRole(AriaRole.Link, new() { Name = button }).Or(page.GetByRole(AriaRole.Button, new() { Name = button })).First;
        await Assertions.Expect(onward).ToBeVisibleAsync();
        // Styled as a button by the site's stylesheet (an unstyled page shows a plain underlined link).
        Assert.True(await onward.EvaluateAsync<bool>("e => e.classList.contains('button') && getComputedStyle(e).borderStyle !== 'none'"));
        // Phone layout: nothing wider than the screen, so no text is cut off.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page is wider than the phone.");
        Assert.Equal("device-width", Regex.Match(html, "width=([a-z-]+)").Groups[1].Value);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot(screenshot), FullPage = true });
        await page.UnrouteAsync("**/shown-answer");
    }

    [Fact]
    public async Task SaveWithUnreadableAnswers_Answers400_InTheSiteLayout()
    {
        var page = await app.NewPageAsync(390, 844);
        var token = await TokenAsync(page);
        var response = await PostAsync(page, "/check-ins", ("__RequestVerificationToken", token), ("answers", "{not json"), ("release", Release), ("key", Guid.NewGuid().ToString()));
        await ExpectSitePageAsync(page, response, 400, "Your check-in was not saved", "Back to my result", "error-400-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SameKeyDifferentAnswers_Answers409_WithAButtonToSaveAsNew()
    {
        var page = await app.NewPageAsync(390, 844);
        var token = await TokenAsync(page);
        var key = Guid.NewGuid().ToString();
        var today = app.Today;
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var first = await PostAsync(page, "/check-ins", ("__RequestVerificationToken", token), ("answers", WorstCaseSummary.AnswersJson(today)), ("release", Release), ("date", date), ("key", key));
        Assert.Equal(302, first.Status);
        var other = WorstCaseSummary.AnswersJson(today).Replace("\"back_pain\": 10", "\"back_pain\": 4", StringComparison.Ordinal);
        var response = await PostAsync(page, "/check-ins", ("__RequestVerificationToken", token), ("answers", other), ("release", Release), ("date", date), ("key", key));
        await ExpectSitePageAsync(page, response, 409, "Your check-in was not saved", "Save as a new check-in", "error-409-phone");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("already saved with different answers");
        // The worst case holds warning signs: their banner and call lead the refusal, before the problem.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Call 999");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TooLargeForm_Answers413_InTheSiteLayout()
    {
        var page = await app.NewPageAsync(390, 844);
        var token = await TokenAsync(page);
        var response = await PostAsync(page, "/recover", ("__RequestVerificationToken", token), ("code", new string('A', 2 * 1024 * 1024)));
        await ExpectSitePageAsync(page, response, 413, "That was too much to send", "Back to your history", "error-413-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TooManyRecoveryTries_Answers429_InTheSiteLayout()
    {
        var page = await app.NewPageAsync(390, 844);
        var token = await TokenAsync(page);
        IAPIResponse response;
        do
        {
            response = await PostAsync(page, "/recover", ("__RequestVerificationToken", token), ("code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"));
        }
        while (response.Status == 400); // a wrong code re-shows the recovery page until the limit answers
        await ExpectSitePageAsync(page, response, 429, "Too many tries in a short time", "Back to your history", "error-429-phone");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/error/500", 500, "Something went wrong on our side")]
    [InlineData("/error/503", 503, "This is not available just now")]
    [InlineData("/error", 500, "Something went wrong on our side")]
    [InlineData("/no-such-page", 404, "We could not find that page")]
    public async Task ErrorPage_OpenedDirectly_AnswersItsRealStatus(string path, int status, string heading)
    {
        var page = await app.NewPageAsync(390, 844);
        var response = await page.GotoAsync(path);
        Assert.Equal(status, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
