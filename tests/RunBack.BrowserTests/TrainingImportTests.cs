using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RunBack.Core.Questionnaire;
using Xunit.Abstractions;

namespace RunBack.BrowserTests;

/// <summary>
/// "Fill from my training files" (issue 27) on the self-check's training step: files generated here (GPX and TCX in C#,
/// FIT with Garmin's encoder, a Strava-shaped zip) are read in the browser's Web Worker; the weeks are the ones the
/// questions mean, in the browser's own time zone; only the distances reach the app, as the ordinary answers.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class TrainingImportTests(AppFixture app, ITestOutputHelper output) : IDisposable
{
    private const double KmPerMile = 1.609344;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "runback-training-" + Guid.NewGuid().ToString("N"));

    private static double Half(double value) => Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;

    private static string Figure(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private async Task<IPage> PageAsync(string locale, string timeZone, int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            TimezoneId = timeZone,
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Answers the self-check up to the training step (its unit answered), and returns the driver and sections.</summary>
    private static async Task<(SelfCheckDriver Driver, QuestionnaireDefinition Edition)> ToTrainingStepAsync(IPage page, string locale, string unit)
    {
        var answers = Personas.NoRisk();
        foreach (var id in RunBack.Core.History.TrainingLog.WeekQuestionIds)
        {
            answers.Remove(id);
        }
        answers["distance_unit"] = unit;
        var driver = new SelfCheckDriver(page, answers, culture: locale);
        await driver.StartAsync();
        foreach (var section in driver.Edition.Sections)
        {
            await driver.AnswerStepAsync(section);
            if (section.Id == "training")
            {
                break;
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
            await driver.StepSettledAsync();
        }
        return (driver, driver.Edition);
    }

    private static async Task FinishAsync(IPage page, SelfCheckDriver driver, QuestionnaireDefinition edition)
    {
        var start = edition.Sections.ToList().FindIndex(s => s.Id == "training");
        for (var i = start; i < edition.Sections.Count; i++)
        {
            if (i > start)
            {
                await driver.AnswerStepAsync(edition.Sections[i]);
            }
            var last = i == edition.Sections.Count - 1;
            await page.GetByRole(AriaRole.Button, new() { Name = last ? "See my result" : "Next", Exact = true }).ClickAsync();
            if (!last)
            {
                await driver.StepSettledAsync();
            }
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your result", Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en-GB", "Europe/London", "km", 390, 844)]
    [InlineData("en-US", "America/New_York", "miles", 1280, 800)]
    [InlineData("en-GB", "Asia/Tokyo", "km", 1280, 800)]
    [InlineData("en-US", "America/Los_Angeles", "miles", 390, 844)]
    public async Task Files_fill_the_weeks_privately_and_the_training_load_follows(string locale, string timeZone, string unit, int width, int height)
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        // Week 1 (the 7 days up to today): a GPX run with a pause (its track counts, the pause does not), a TCX run whose
        // lap says 8 km while its track is 2 km (the lap counts), a FIT run today, and a FIT ride (skipped).
        var gpxKm = files.Gpx("morning-run-sam.gpx", today.AddDays(-1), 7, 0);
        files.Tcx("tempo-sam.tcx", today.AddDays(-3), 18, 0, 8000);
        files.Fit("today-sam.fit", today, 6, 30, 3000, 10000);
        files.Fit("ride-sam.fit", today.AddDays(-2), 10, 0, 5400, 40000, sport: "cycling");
        // Week 2: a run that starts at 23:30 on the week's last day and ends after midnight (it counts for its start day,
        // in the runner's own time zone), and a treadmill run.
        files.Fit("late-sam.fit", today.AddDays(-7), 23, 30, 3600, 10000);
        files.Fit("treadmill-sam.fit", today.AddDays(-10), 12, 0, 2100, 6000, subSport: "treadmill");
        // Week 3: nothing. Week 4: a Strava export zip with a FIT run (gzipped), a TCX run (gzipped) and a walk (skipped).
        files.Fit("w4-run.fit", today.AddDays(-22), 8, 0, 3600, 12000);
        files.WriteFits();
        files.Tcx("w4-run.tcx", today.AddDays(-25), 8, 0, 3000);
        files.Gpx("w4-walk.gpx", today.AddDays(-23), 9, 0, type: "walking");
        files.Zip("export_sam.zip", [("activities/111.fit.gz", "w4-run.fit"), ("activities/112.tcx.gz", "w4-run.tcx"), ("activities/113.gpx", "w4-walk.gpx")]);
        string[] picked = ["morning-run-sam.gpx", "tempo-sam.tcx", "today-sam.fit", "ride-sam.fit", "late-sam.fit", "treadmill-sam.fit", "export_sam.zip"];
        double[] km = [gpxKm + 8 + 10, 16, 0, 15];
        var miles = unit == "miles";
        var expected = km.Select(k => Half(miles ? k / KmPerMile : k)).ToArray();

        var page = await PageAsync(locale, timeZone, width, height);
        var (driver, edition) = await ToTrainingStepAsync(page, locale, unit);
        var import = page.GetByRole(AriaRole.Region, new() { Name = "Fill from my training files" });
        await Assertions.Expect(import).ToBeVisibleAsync();
        await Assertions.Expect(import).ToContainTextAsync("Your files are read on this device and never leave it: RunBack receives only the weekly distances you fill in.");

        // Everything the page sends from here on: requests (URL, headers, body) and the circuit's websocket frames.
        var sent = new List<string>();
        page.Request += (_, request) =>
        {
            lock (sent)
            {
                sent.Add($"{request.Method} {request.Url}\n{string.Join("\n", request.Headers.Select(h => h.Key + ": " + h.Value))}\n{request.PostData}");
            }
        };
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            lock (sent)
            {
                sent.Add(frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? []));
            }
        };
        // A new circuit (the state comes back from session storage), so its websocket is watched from the start.
        await page.ReloadAsync();
        await Assertions.Expect(import).ToBeVisibleAsync();

        await page.GetByLabel("Choose or drop files from your watch or Strava").SetInputFilesAsync(picked.Select(files.PathOf));
        var status = import.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Found");
        var weeks = import.Locator(".training-import__weeks li");
        await Assertions.Expect(weeks).ToHaveCountAsync(4);
        var unitWord = miles ? "miles" : "km";
        int[] runs = [3, 2, 0, 2];
        for (var i = 0; i < 4; i++)
        {
            await Assertions.Expect(weeks.Nth(i)).ToContainTextAsync($"{Figure(expected[i])} {unitWord}, {(runs[i] == 1 ? "1 run" : $"{runs[i]} runs")}");
        }
        await Assertions.Expect(import).ToContainTextAsync("Skipped 2 activities that are not runs: cycling (1), walking (1).");
        // Seen, not sent: the fields are still empty until the runner fills them in.
        for (var i = 0; i < 4; i++)
        {
            await Assertions.Expect(page.Locator($"#q-distance_week_{i + 1}")).ToHaveValueAsync("");
        }
        var fill = import.GetByRole(AriaRole.Button, new() { Name = "Fill in these distances" });
        await fill.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(status).ToContainTextAsync("Filled in 4 weeks. You can change any figure before you go on.");
        for (var i = 0; i < 4; i++)
        {
            await Assertions.Expect(page.Locator($"#q-distance_week_{i + 1}")).ToHaveValueAsync(Figure(expected[i]));
        }
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"training-import-{locale}-{width}x{height}"), FullPage = true });

        // Privacy: nothing that left the page carries a file name, a coordinate, a device name or a time of day.
        List<string> leaks;
        lock (sent)
        {
            leaks = [.. sent.Where(text =>
                picked.Concat(["w4-run", "w4-walk", "111.fit", "Forerunner", "51.47", "-0.123", "0.12345", "Morning run"]).Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase))
                || IsoTime().IsMatch(text) || ClockTime().IsMatch(text))];
            Assert.NotEmpty(sent);
        }
        Assert.Empty(leaks);

        // The runner may change a figure; then the training-load factor follows the weeks (oldest first: 4, 3, 2, 1).
        await FinishAsync(page, driver, edition);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"from {Figure(expected[1])} {unitWord} to {Figure(expected[0])} {unitWord}");
        output.WriteLine($"{locale} {timeZone}: weeks {string.Join(", ", expected.Select(Figure))} {unitWord}");
    }

    [Fact]
    public async Task Each_bad_file_gets_its_own_line_and_the_rest_is_read()
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        files.Fit("good.fit", today.AddDays(-2), 7, 0, 1800, 5000);
        files.Fit("corrupt.fit", today.AddDays(-3), 7, 0, 1800, 5000);
        files.WriteFits();
        var corrupt = File.ReadAllBytes(files.PathOf("corrupt.fit"));
        for (var i = 40; i < 60; i++)
        {
            corrupt[i] ^= 0x5A;
        }
        File.WriteAllBytes(files.PathOf("corrupt.fit"), corrupt);
        files.Gpx("no-times.gpx", today.AddDays(-4), 7, 0, times: false);
        File.WriteAllText(files.PathOf("empty.csv"), "");
        using (var huge = File.Create(files.PathOf("huge.gpx")))
        {
            huge.SetLength(200L * 1024 * 1024);
        }
        files.Bomb("bomb.zip", 100);
        File.WriteAllText(files.PathOf("notes.txt"), "Ran 5 km today.");
        Directory.CreateDirectory(files.PathOf("strava"));
        Directory.CreateDirectory(files.PathOf("garmin"));
        // Week 3 from the two CSV lists: a Strava run (km) and ride (skipped), a Garmin Connect run in the page's unit.
        File.WriteAllText(files.PathOf("strava/activities.csv"), TrainingFiles.StravaCsv([(files.Utc(today.AddDays(-15), 18, 0), "Run", 5.2), (files.Utc(today.AddDays(-16), 9, 0), "Ride", 30)]));
        File.WriteAllText(files.PathOf("garmin/Activities.csv"), TrainingFiles.GarminCsv([(today.AddDays(-16), "Running", 3.1), (today.AddDays(-17), "Pool Swim", 1.5)]));
        string[] picked = ["good.fit", "corrupt.fit", "no-times.gpx", "empty.csv", "huge.gpx", "bomb.zip", "notes.txt", "strava/activities.csv", "garmin/Activities.csv"];

        var page = await PageAsync("en-GB", "Europe/London", 1280, 800);
        await ToTrainingStepAsync(page, "en-GB", "km");
        var import = page.GetByRole(AriaRole.Region, new() { Name = "Fill from my training files" });
        await page.GetByLabel("Choose or drop files from your watch or Strava").SetInputFilesAsync(picked.Select(files.PathOf));
        await Assertions.Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("6 files could not be read");
        var problems = import.Locator(".training-import__problems li");
        await Assertions.Expect(problems).ToHaveCountAsync(6);
        string[] lines =
        [
            "This file could not be read: corrupt.fit: the FIT file is damaged",
            "This file could not be read: no-times.gpx: it has no times, so its week is unknown.",
            "This file could not be read: empty.csv: it is empty.",
            "This file could not be read: huge.gpx: it is larger than 64 MB",
            "This file could not be read: bomb.zip: activities/bomb.gpx: it unpacks to more than 64 MB",
            "This file could not be read: notes.txt: RunBack reads GPX, TCX, FIT, CSV and zip files only.",
        ];
        foreach (var line in lines)
        {
            await Assertions.Expect(problems.Filter(new() { HasText = line })).ToHaveCountAsync(1);
        }
        await Assertions.Expect(import).ToContainTextAsync("Skipped 2 activities that are not runs");
        var weeks = import.Locator(".training-import__weeks li");
        await Assertions.Expect(weeks.Nth(0)).ToContainTextAsync("5 km, 1 run");
        await Assertions.Expect(weeks.Nth(2)).ToContainTextAsync($"{Figure(Half(5.2 + 3.1))} km, 2 runs");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("training-import-bad-files"), FullPage = true });

        // The page keeps working: the good files fill in, and the step goes on.
        await import.GetByRole(AriaRole.Button, new() { Name = "Fill in these distances" }).ClickAsync();
        await Assertions.Expect(page.Locator("#q-distance_week_3")).ToHaveValueAsync(Figure(Half(5.2 + 3.1)));
        await Assertions.Expect(page.Locator("#q-distance_week_1")).ToHaveValueAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#step-title")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#step-title")).Not.ToHaveTextAsync("Training load");
    }

    [Fact]
    public async Task Quick_check_in_fills_the_last_7_days_and_without_scripts_shows_only_the_field()
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        files.Fit("today.fit", today, 7, 0, 1800, 5000);
        files.Fit("six-days.fit", today.AddDays(-6), 7, 0, 1800, 3000);
        files.Fit("seven-days.fit", today.AddDays(-7), 7, 0, 1800, 4000);
        files.WriteFits();

        var page = await PageAsync("en-GB", "Europe/London", 1280, 800);
        await HistoryAndSummaryTests.SaveByFormAsync(page, Personas.NoRisk());
        await page.GotoAsync("/check-in/quick");
        var import = page.GetByRole(AriaRole.Region, new() { Name = "Fill from my training files" });
        await import.GetByText("Fill from my training files").ClickAsync(); // folded on the quick check-in: open it
        await page.GetByLabel("Choose or drop files from your watch or Strava").SetInputFilesAsync(new[] { "today.fit", "six-days.fit", "seven-days.fit" }.Select(files.PathOf));
        await Assertions.Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("Found 2 runs in the last 7 days.");
        await Assertions.Expect(page.Locator("#q-distance")).ToHaveValueAsync("");
        await import.GetByRole(AriaRole.Button, new() { Name = "Fill in this distance" }).ClickAsync();
        await Assertions.Expect(page.Locator("#q-distance")).ToHaveValueAsync("8");
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot("training-import-quick-check-in"), FullPage = true });

        // The same runner without scripts: the section stays hidden, the field is the plain field it always was.
        var state = await page.Context.StorageStateAsync();
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, JavaScriptEnabled = false, StorageState = state, Locale = "en-GB" });
        var plain = await context.NewPageAsync();
        await plain.GotoAsync("/check-in/quick");
        await Assertions.Expect(plain.Locator("#q-distance")).ToBeVisibleAsync();
        await Assertions.Expect(plain.Locator("#q-distance")).ToHaveValueAsync("");
        await Assertions.Expect(plain.Locator("[data-training-import]")).ToBeHiddenAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp clean-up.
        }
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();
}
