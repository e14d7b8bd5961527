using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// A run in several files counts once (issue 27): the same FIT file picked and again inside a Strava zip, a FIT file and
/// its GPX export (same start, a track distance 2 % off the watch's), the same GPX twice. Each extra copy is listed as
/// counted once, next to the file that counts; a second run the same day is not taken for a copy.
/// </summary>
public sealed partial class TrainingImportTests
{
    [Theory]
    [InlineData("en-GB", "Europe/London", "km", 390, 844)]
    [InlineData("en-US", "America/Chicago", "miles", 1280, 800)]
    public async Task A_run_in_several_files_counts_once_and_is_listed_as_a_duplicate(string locale, string timeZone, string unit, int width, int height)
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        // Week 1: a morning run as its GPX export (track distance) and as the watch's FIT file (2 % longer: the watch's
        // summary counts), the same FIT file again in a Strava zip; an evening run of the same length the same day (a
        // run of its own); a GPX tempo run picked twice under two names.
        var morningKm = files.Gpx("morning.gpx", today.AddDays(-1), 7, 0);
        var watchKm = morningKm * 1.02;
        files.Fit("morning.fit", today.AddDays(-1), 7, 0, 2400, watchKm * 1000);
        files.Fit("evening.fit", today.AddDays(-1), 18, 30, 2400, watchKm * 1000);
        // Week 2: a FIT file without a session summary (its distance comes from its records).
        files.Fit("no-summary.fit", today.AddDays(-9), 12, 0, 600, null, points: 500);
        files.WriteFits();
        var tempoKm = files.Gpx("tempo.gpx", today.AddDays(-3), 18, 0);
        File.Copy(files.PathOf("tempo.gpx"), files.PathOf("tempo (1).gpx"));
        files.Zip("export.zip", [("activities/201.fit.gz", "morning.fit")]);
        string[] picked = ["morning.gpx", "morning.fit", "evening.fit", "tempo.gpx", "tempo (1).gpx", "export.zip", "no-summary.fit"];
        var miles = unit == "miles";
        var week1 = Half((watchKm * 2 + tempoKm) / (miles ? KmPerMile : 1));
        var week2 = Half(TrainingFiles.Track(500, 0.00003, pause: false).Km / (miles ? KmPerMile : 1));

        var page = await PageAsync(locale, timeZone, width, height);
        await ToTrainingStepAsync(page, locale, unit);
        var import = page.GetByRole(AriaRole.Region, new() { Name = "Fill from my training files" });
        await page.GetByLabel("Choose or drop files from your watch or Strava").SetInputFilesAsync(picked.Select(files.PathOf));
        await Assertions.Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("Found 4 runs in the 4 weeks.");
        var weeks = import.Locator(".training-import__weeks li");
        var unitWord = miles ? "miles" : "km";
        await Assertions.Expect(weeks.Nth(0)).ToContainTextAsync($"{Figure(week1)} {unitWord}, 3 runs");
        await Assertions.Expect(weeks.Nth(1)).ToContainTextAsync($"{Figure(week2)} {unitWord}, 1 run");
        await Assertions.Expect(import).ToContainTextAsync("Counted once: 3 activities were in more than one file.");
        var duplicates = import.Locator(".training-import__duplicates li");
        await Assertions.Expect(duplicates).ToHaveTextAsync(
        [
            "morning.gpx: the same run as morning.fit",
            "tempo (1).gpx: the same run as tempo.gpx",
            "export.zip: activities/201.fit.gz: the same run as morning.fit",
        ]);
        await page.ScreenshotAsync(new() { Path = AppFixture.Screenshot($"training-import-duplicates-{locale}-{width}x{height}"), FullPage = true });

        await import.GetByRole(AriaRole.Button, new() { Name = "Fill in these distances" }).ClickAsync();
        await Assertions.Expect(page.Locator("#q-distance_week_1")).ToHaveValueAsync(Figure(week1));
        await Assertions.Expect(page.Locator("#q-distance_week_2")).ToHaveValueAsync(Figure(week2));
    }
}
