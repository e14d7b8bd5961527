using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// A returning runner: one full self-check, then quick check-ins on different days (one dated back), the history with
/// times and distance, deleting with a confirmation, and the self-check result showing that it is saved.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QuickCheckInTests(AppFixture app, ITestOutputHelper output)
{
    /// <summary>
    /// Clicks and key entries a person makes, counted as they are made; each target (the row or button a finger
    /// touches: a choice's whole row, a scale button, the control itself otherwise) is reported with its height.
    /// </summary>
    private sealed class Interactions(Action<string, double>? onTarget)
    {
        public int Count { get; private set; }

        private async Task TargetAsync(ILocator control)
        {
            Count++;
            if (onTarget is not null)
            {
                var height = await control.EvaluateAsync<double>("e => (e.closest('.choice, .scale__option') ?? e).getBoundingClientRect().height");
                var name = await control.EvaluateAsync<string>(
                    "e => e.getAttribute('aria-label') || (e.labels?.[0] ?? e).textContent.trim() || e.name");
                onTarget(name, height);
            }
        }

        public async Task CheckAsync(ILocator control)
        {
            await TargetAsync(control);
            await control.CheckAsync();
        }

        public async Task ClickAsync(ILocator control)
        {
            await TargetAsync(control);
            await control.ClickAsync();
        }

        public async Task FillAsync(ILocator box, string text)
        {
            await TargetAsync(box);
            await box.FillAsync(text);
        }

        public async Task SelectAsync(ILocator select, string value)
        {
            await TargetAsync(select);
            await select.SelectOptionAsync(value);
        }
    }

    private static ILocator Group(IPage page, string prompt) => page.GetByRole(AriaRole.Group, new() { Name = prompt, Exact = true });

    /// <summary>A quick check-in done as a runner does it: returns the interactions it took.</summary>
    internal static async Task<int> QuickCheckInAsync(IPage page, int daysBack, int back, int hip, string since, double distance, string? helped,
        Func<Task>? beforeSave = null, Action<string, double>? onTarget = null)
    {
        var count = new Interactions(onTarget);
        await page.GotoAsync("/check-in/quick");
        if (daysBack > 0)
        {
            var day = AppClock.Today.AddDays(-daysBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await count.SelectAsync(page.GetByLabel("Which day is this check-in for?"), day);
        }
        await count.CheckAsync(Group(page, "How bad is your back pain right now?").GetByRole(AriaRole.Radio, new() { Name = back.ToString(CultureInfo.InvariantCulture), Exact = true }));
        await count.CheckAsync(Group(page, "How bad is any hip or groin pain right now?").GetByRole(AriaRole.Radio, new() { Name = hip == 0 ? "0, No pain" : hip.ToString(CultureInfo.InvariantCulture), Exact = true }));
        await count.CheckAsync(Group(page, "Since your last check-in, has your pain been getting…").GetByRole(AriaRole.Radio, new() { Name = since, Exact = true }));
        await count.CheckAsync(Group(page, "Do you have any of these at the moment?").GetByRole(AriaRole.Checkbox, new() { Name = "None of these" }));
        await count.CheckAsync(Group(page, "Have any of these ever applied to you, however long ago?").GetByRole(AriaRole.Checkbox, new() { Name = "None of these" }));
        await count.CheckAsync(Group(page, "Does pain, tingling or numbness spread from your back down a leg?").GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }));
        await count.CheckAsync(Group(page, "Does the pain wake you at night, even now and then?").GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }));
        await count.FillAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "How far have you run in the last 7 days?" }), distance.ToString(CultureInfo.InvariantCulture));
        if (helped is not null)
        {
            await count.CheckAsync(Group(page, "What helped since your last check-in?").GetByRole(AriaRole.Checkbox, new() { Name = helped, Exact = true }));
        }
        if (beforeSave is not null)
        {
            await beforeSave();
        }
        await count.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }));
        return count.Count;
    }

    [Fact]
    public async Task ReturningRunner_QuickCheckIns_History_Delete_SavedState()
    {
        var page = await app.NewPageAsync(390, 844);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());

        // The home page offers the quick check-in once a full self-check is saved.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Quick check-in" })).ToBeVisibleAsync();

        // A missing distance: a message beside the field, every other answer kept, nothing saved.
        await page.GotoAsync("/check-in/quick");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-phone"), FullPage = true });
        await Group(page, "How bad is your back pain right now?").GetByRole(AriaRole.Radio, new() { Name = "5", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.Locator(".question.field", new() { Has = page.Locator("#q-distance") }).Locator(".question__error")).ToContainTextAsync("please answer");
        await Assertions.Expect(Group(page, "How bad is your back pain right now?").GetByRole(AriaRole.Radio, new() { Name = "5", Exact = true })).ToBeCheckedAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-errors-phone") });
        await page.Locator(".carried").ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-carried-phone") });

        // Three quick check-ins on different days, the first dated back two days.
        var interactions = await QuickCheckInAsync(page, 2, 4, 1, "About the same", 20, "Stretches");
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "See your history" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("quick-check-in-result-phone") });
        await QuickCheckInAsync(page, 1, 3, 1, "Better", 25, null);
        await QuickCheckInAsync(page, 0, 2, 0, "Better", 28, "Strength work");
        output.WriteLine($"Interactions for one quick check-in (dated back, with one 'what helped'): {interactions}");

        // The history: four check-ins, the quick ones marked, today's with its time, the backdated one with its day.
        await page.GotoAsync("/history");
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator(".checkins > li", new() { HasText = "Quick check-in" })).ToHaveCountAsync(3);
        var twoDaysAgo = AppClock.Today.AddDays(-2).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await Assertions.Expect(page.Locator(".checkins")).ToContainTextAsync(twoDaysAgo + " (added later)");
        await Assertions.Expect(page.Locator(".checkins > li").First.Locator("h3")).ToHaveTextAsync(new Regex(@", \d\d:\d\d$"));
        await Assertions.Expect(page.Locator(".chart-table table").First.Locator("tbody tr")).ToHaveCountAsync(4);
        // The chart: a point per check-in on a time axis (fewer labels than points would be one per check-in at most),
        // same-day points apart, and the weekly distance as bars and in the table.
        var xs = await page.Locator("svg.history-chart:visible .history-chart__back-point").EvaluateAllAsync<double[]>("els => els.map(e => +e.getAttribute('cx'))");
        Assert.Equal(4, xs.Length);
        // At least 7 px apart (HistoryChartModel.MinGap); cx is written to one decimal, so allow that rounding.
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 6.9, $"Same-day points must be apart: {pair.First} and {pair.Second}"));
        Assert.True(await page.Locator("svg.history-chart:visible .history-chart__week").CountAsync() >= 2);
        await Assertions.Expect(page.Locator(".weeks-table")).ToContainTextAsync("28 km");
        await Assertions.Expect(page.Locator("#chart-summary")).ToContainTextAsync("4 check-ins from");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-quick-phone"), FullPage = true });
        await page.Locator(".panel").First.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-chart-phone") });
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator(".panel").First.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-chart-desktop") });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("history-print"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(390, 844);

        // "Remind me": a weekly calendar event with a link to the quick check-in, read back with Ical.Net.
        await page.GetByLabel("Day", new() { Exact = true }).SelectOptionAsync("tuesday");
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("19:30");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the weekly reminder (.ics)" }).ClickAsync());
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync(await download.PathAsync()))!;
        var reminder = Assert.Single(calendar.Events);
        Assert.Equal(DayOfWeek.Tuesday, reminder.DtStart!.Value.DayOfWeek);
        Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(reminder.DtStart.Value));
        Assert.Equal(Ical.Net.FrequencyType.Weekly, reminder.RecurrenceRule!.Frequency);
        Assert.Equal(app.BaseUrl + "/check-in/quick", reminder.Url!.ToString());

        // Delete asks first; "No" keeps it, "Yes" deletes.
        await page.Locator(".checkins > li").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Delete") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Delete the check-in of") })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(4);
        await page.Locator(".checkins > li").First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Delete") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The check-in has been deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(3);

        Assert.InRange(interactions, 1, 12);
    }

    [Fact]
    public async Task FullSelfCheck_AfterSaving_ResultShowsSaved_AndChangingMakesANewCheckIn()
    {
        var page = await app.NewPageAsync(1280, 900);
        var driver = new SelfCheckDriver(page, Personas.NoRisk());
        await driver.StartAsync();
        await driver.CompleteAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery code" })).ToBeVisibleAsync();

        // Back to the result: it says it is saved, with a link to the history, not the save button.
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator(".result-saved")).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("result-saved-desktop"), FullPage = true });

        // Changing the answers says it makes a new check-in; saving again works (no error page).
        await page.GetByRole(AriaRole.Button, new() { Name = "Change my answers (saves as a new check-in)" }).ClickAsync();
        await Assertions.Expect(page.GetByText("saving these answers makes a new check-in")).ToBeVisibleAsync();
        await driver.CompleteAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a check-in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your check-in is saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".checkins > li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ChangeCarriedAnswers_OpensTheFullSelfCheckFilledIn_WarningSignsAskedAfresh()
    {
        var page = await app.NewPageAsync(390, 844);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/check-in/quick");

        await page.Locator("#carried-title").ClickAsync(); // the carried answers are folded under one disclosure
        await page.GetByRole(AriaRole.Link, new() { Name = "Change these answers in the full self-check" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Your answers from your last self-check are filled in.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/check(\?step=\d+)?$"));
        await Assertions.Expect(Group(page, "How old are you?").GetByRole(AriaRole.Radio, new() { Name = "20 to 50" })).ToBeCheckedAsync();
        await Assertions.Expect(Group(page, "How bad is your back pain right now?").GetByRole(AriaRole.Radio, new() { Name = "3", Exact = true })).ToBeCheckedAsync();
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("self-check-prefilled-phone") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(Group(page, "Do you have any of these at the moment?").GetByRole(AriaRole.Checkbox, new() { Name = "None of these" })).Not.ToBeCheckedAsync();
    }
}
