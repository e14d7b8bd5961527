using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// Issue 26 item 16 at 390 x 844 in Chromium: a runner opens "Add a note" on the quick check-in, types a note (the count
/// follows, and the screen reader's copy once typing pauses), axe finds nothing with the note open, and the saved note
/// is on the check-in page, in the history (wrapped at 390 px, no sideways scroll) and in the printed summary (A4 and
/// Letter within two pages).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class RunnerNoteBrowserTests(AppFixture app, ITestOutputHelper output)
{
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();

    /// <summary>A note with one long unbroken run (a pasted link), the hardest thing to wrap on a phone.</summary>
    private static string Note(string marker) =>
        $"Hilly 10k on Sunday, tight after the climbs {marker} https://www.strava.com/activities/12345678901234567890/segments/hill-repeats-long";

    [Fact]
    public async Task QuickCheckIn_Phone_TypeANote_CountAndLiveRegion_AxeClean_SeenInHistoryAndSummary()
    {
        var page = await app.NewPageAsync(390, 844);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        var marker = "nb" + Guid.NewGuid().ToString("N")[..8];
        var note = Note(marker);

        await QuickCheckInTests.QuickCheckInAsync(page, 0, 3, 1, "Better", 20, null, beforeSave: async () =>
        {
            // Folded at first: the page stays as short as before for a runner with nothing to add.
            var fold = page.Locator("#note-fold");
            await Assertions.Expect(fold).Not.ToHaveAttributeAsync("open", "");
            var folded = await fold.EvaluateAsync<double[]>(
                "e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e), n = e.nextElementSibling.getBoundingClientRect(), p = e.previousElementSibling.getBoundingClientRect(); return [r.height, parseFloat(s.marginTop), parseFloat(s.marginBottom), n.top - p.bottom, document.documentElement.scrollHeight]; }");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Folded note at 390: {folded[0]:0} px high, margins {folded[1]:0}/{folded[2]:0} px, {folded[3]:0} px between its neighbours; page {folded[4]:0} px = {folded[4] / 844:0.00} screens"));
            await fold.Locator("summary").ClickAsync();
            var field = page.GetByRole(AriaRole.Textbox, new() { Name = "Your note (optional)" });
            await Assertions.Expect(field).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#note-count")).ToHaveTextAsync("Up to 500 characters.");
            await field.FillAsync(note);
            var used = $"{note.Length} of 500 characters used.";
            await Assertions.Expect(page.Locator("#note-count")).ToHaveTextAsync(used);
            // The count is part of the field's description, and the polite live region says it once typing pauses.
            await Assertions.Expect(field).ToHaveAttributeAsync("aria-describedby", "note-help note-count");
            await Assertions.Expect(page.Locator("#note-live")).ToHaveTextAsync(used);
            await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("note-quick-check-in-phone"), FullPage = true });
            await page.SetViewportSizeAsync(1280, 800);
            await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("note-quick-check-in-desktop"), FullPage = true });
            await page.SetViewportSizeAsync(390, 844);

            var axe = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {string.Join(" ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
        });

        // The check-in page the save lands on.
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.Locator("#runner-note")).ToContainTextAsync(marker);

        // The history's list: the note under its check-in, wrapped inside a 390 px screen.
        await page.GotoAsync("/history");
        var listed = page.Locator(".checkins > li").First.Locator(".runner-note");
        await Assertions.Expect(listed).ToContainTextAsync("Your note: " + note);
        var widths = await page.EvaluateAsync<double[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.querySelector('.checkins .runner-note').getBoundingClientRect().right]");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"History at 390: page {widths[0]:0} px wide for {widths[1]:0} px; the note ends at {widths[2]:0} px"));
        Assert.True(widths[0] <= widths[1], $"The history scrolls sideways at 390 px ({widths[0]} > {widths[1]}).");
        Assert.True(widths[2] <= widths[1], $"The note runs past the screen ({widths[2]} > {widths[1]}).");
        await listed.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("note-history-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("note-history-desktop"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);

        // The summary, on screen and printed: the note is in it, within two pages of A4 and of Letter.
        await page.Locator(".checkins > li").First.GetByRole(AriaRole.Link, new() { Name = "Open summary" }).ClickAsync();
        await Assertions.Expect(page.Locator(".summary__runner-note")).ToContainTextAsync("Runner's note");
        await Assertions.Expect(page.Locator(".summary__runner-note")).ToContainTextAsync(marker);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("note-summary-print"), FullPage = true });
        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new() { Format = format, Path = Path.Combine(AppFixture.ScreenshotDirectory, $"note-summary-{format}.pdf") });
            Assert.InRange(PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf)), 1, 2);
            var text = string.Join("\n", (await PdfText.PagesAsync(pdf)).SelectMany(p => p));
            Assert.Contains(marker, text, StringComparison.Ordinal);
        }
        await page.Context.CloseAsync();
    }
}
