using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// Dropping files (issue 27): a Strava export zip with its own activities.csv, dropped on the drop area. The CSV's rows
/// count (its ride is skipped); a file the CSV lists is not read again; a file it does not list is read.
/// </summary>
public sealed partial class TrainingImportTests
{
    [Fact]
    public async Task A_dropped_strava_zip_counts_its_activities_csv_and_the_files_it_does_not_list()
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        files.Fit("301.fit", today.AddDays(-2), 7, 0, 2400, 6000);
        files.WriteFits();
        var unlistedKm = files.Gpx("302.gpx", today.AddDays(-4), 7, 0);
        var csv = TrainingFiles.StravaCsv([(files.Utc(today.AddDays(-2), 7, 0), "Run", 6.0), (files.Utc(today.AddDays(-9), 9, 0), "Ride", 25)])
            .Replace("false,,,,,,1800,1750,6000.0", "false,,,activities/301.fit.gz,,,1800,1750,6000.0", StringComparison.Ordinal);
        Assert.Contains("activities/301.fit.gz", csv, StringComparison.Ordinal);
        files.Zip("export_12345.zip", [("activities/301.fit.gz", "301.fit"), ("activities/302.gpx", "302.gpx")], csv);

        var page = await PageAsync("en-GB", "Europe/London", 390, 844);
        await ToTrainingStepAsync(page, "en-GB", "km");
        var import = page.GetByRole(AriaRole.Region, new() { Name = "Fill from my training files" });
        await Assertions.Expect(import).ToBeVisibleAsync();
        var bytes = Convert.ToBase64String(File.ReadAllBytes(files.PathOf("export_12345.zip")));
        var transfer = await page.EvaluateHandleAsync(@"data => {
            const text = atob(data), bytes = new Uint8Array(text.length);
            for (let i = 0; i < text.length; i++) { bytes[i] = text.charCodeAt(i); }
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'export_12345.zip', { type: 'application/zip' }));
            return transfer;
        }", bytes);
        var drop = import.Locator(".training-import__drop");
        await drop.DispatchEventAsync("dragover", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await Assertions.Expect(drop).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-over"));
        await drop.DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });

        await Assertions.Expect(import.GetByRole(AriaRole.Status)).ToContainTextAsync("Found 2 runs in the 4 weeks.");
        var weeks = import.Locator(".training-import__weeks li");
        await Assertions.Expect(weeks.Nth(0)).ToContainTextAsync($"{Figure(Half(6 + unlistedKm))} km, 2 runs");
        await Assertions.Expect(import).ToContainTextAsync("Skipped 1 activity that is not a run: ride (1).");
        await Assertions.Expect(import.Locator(".training-import__duplicates")).ToHaveCountAsync(0);
        await Assertions.Expect(drop).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-over"));
    }
}
