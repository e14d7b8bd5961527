using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class HistoryAndSummaryTests(AppFixture app)
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    private static int PdfPages(byte[] pdf) => PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));

    /// <summary>Saves a check-in the way the result page does: a form post with the antiforgery token, in this browser's context.</summary>
    internal static async Task SaveByFormAsync(IPage page, Dictionary<string, object> persona)
    {
        await page.GotoAsync("/forget");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var answers = persona.ToJson(AppClock.Today);
        // The release the result page would put in its form: the one the app serves now.
        var questionnaire = await (await page.Context.APIRequest.GetAsync("/api/questionnaire")).JsonAsync();
        var response = await page.Context.APIRequest.PostAsync("/check-ins", new()
        {
            Form = page.Context.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", token)
                .Append("answers", answers.ToJsonString())
                .Append("release", questionnaire!.Value.GetProperty("release").GetString()!)
                .Append("key", Guid.NewGuid().ToString()),
            MaxRedirects = 0,
        });
        Assert.Equal(302, response.Status);
    }

    [Fact]
    public async Task SaveThreeCheckIns_SeeChartAndList_PrintSummary_Export_ForgetMe()
    {
        var page = await app.NewPageAsync(390, 844);

        // 1. A real self-check, saved with the button on the result page.
        var driver = new SelfCheckDriver(page, Personas.HipPattern());
        await driver.StartAsync();
        await driver.CompleteAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".recovery-code__value code")).ToHaveTextAsync(new Regex("^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$"));
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-first-save-phone"), FullPage = true });

        // 2. Two more check-ins.
        var better = Personas.HipPattern();
        better["back_pain"] = 3;
        better["hip_pain"] = 2;
        await SaveByFormAsync(page, better);
        await SaveByFormAsync(page, Personas.NoRisk());

        // 3. The chart, its table and the list.
        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pain and running over time" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.history-chart:visible .history-chart__back-point")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".chart-table table").First.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".insights")).ToContainTextAsync("Save at least 6 check-ins");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-desktop"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-print"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // 4. The summary of the oldest check-in, printed to PDF by Chromium: one or two pages.
        await page.Locator(".checkins > li").Last.GetByRole(AriaRole.Link, new() { Name = "Open summary" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RunBack guidance summary" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("Hip component: likely");
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("Questions to ask your physiotherapist");
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("Information, not a diagnosis.");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("summary-desktop"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new() { Format = format, Path = Path.Combine(AppFixture.ScreenshotDirectory, $"summary-{format}.pdf") });
            Assert.InRange(PdfPages(pdf), 1, 2);
        }
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // 5. The server's own PDF download.
        var download = await page.Context.APIRequest.GetAsync(page.Url + ".pdf?paper=a4");
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"]);
        var serverPdf = await download.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(serverPdf, 0, 4));
        Assert.InRange(PdfPages(serverPdf), 1, 2);
        await File.WriteAllBytesAsync(Path.Combine(AppFixture.ScreenshotDirectory, "summary-server.pdf"), serverPdf);

        // 6. Export.
        await page.GotoAsync("/history");
        var waitForDownload = page.WaitForDownloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV (spreadsheet)" }).ClickAsync();
        var csv = await File.ReadAllTextAsync((await (await waitForDownload).PathAsync())!);
        Assert.Equal(4, csv.Trim().Split("\r\n").Length);

        // 7. Forget me, with its confirmation step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Forget me: delete my profile and all my check-ins" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Yes, delete my profile and all my check-ins" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your history and profile have been deleted");
        await page.GotoAsync("/history");
        await Assertions.Expect(page.GetByText("There is no history on this browser yet")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnsavedResult_PrintSummary_ShowsInSameSession()
    {
        var page = await app.NewPageAsync();
        var driver = new SelfCheckDriver(page, Personas.RedFlag());
        await driver.StartAsync();
        await driver.CompleteAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Open summary" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "RunBack guidance summary" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".summary__triage")).ToContainTextAsync("Red flag reported — advised emergency care now: Numbness or a changed feeling in the saddle area");
        await Assertions.Expect(page.Locator(".summary__meta")).ToContainTextAsync("UNSAVED");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("summary-unsaved-print"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        Assert.InRange(PdfPages(pdf), 1, 2);

        var other = await app.NewPageAsync();
        await other.GotoAsync("/summary/draft");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "No summary to show" })).ToBeVisibleAsync();
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
