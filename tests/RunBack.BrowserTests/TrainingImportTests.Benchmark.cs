using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace RunBack.BrowserTests;

/// <summary>
/// Benchmark (a figure, not a pass mark; it asserts only that the weeks are right): a year of training, 300 FIT files of
/// an hour each written the way a watch writes them (a record every second with position, distance, altitude, speed,
/// heart rate and cadence), then the same files as a Strava export zip (activities/*.fit.gz, no activities.csv, so every
/// file is read). Rerun it with
/// <c>dotnet test tests/RunBack.BrowserTests --no-build --filter "FullyQualifiedName~TrainingImportTests.Benchmark" --logger "console;verbosity=detailed"</c>.
/// It prints the time from picking the files to the weeks on screen, the load average, the longest main-thread task the
/// page saw (longtask) and, from Chromium's own performance trace (kept in screenshots/), every main-thread task over
/// 50 ms with what ran in it, and how long each thread was busy.
/// </summary>
public sealed partial class TrainingImportTests
{
    [Trait("Category", "Benchmark")]
    [Fact]
    public async Task Benchmark_a_year_of_fit_files()
    {
        var today = app.Today;
        var files = new TrainingFiles(_directory, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var names = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var name = $"run-{i:000}.fit";
            files.Fit(name, today.AddDays(-i * 365 / 300), 7, 0, 3600, 10000, watchLike: true);
            names.Add(name);
        }
        files.WriteFits();
        files.Zip("export.zip", names.Select(n => ($"activities/{n}.gz", n)));
        var megabytes = names.Sum(n => new FileInfo(files.PathOf(n)).Length) / 1024.0 / 1024;
        var expectedRuns = Enumerable.Range(0, 300).Count(i => i * 365 / 300 <= 27);

        var page = await PageAsync("en-GB", "Europe/London", 1280, 800);
        await ToTrainingStepAsync(page, "en-GB", "km");
        var report = new StringBuilder();
        var cases = new[]
        {
            ($"300 FIT files ({megabytes:0.0} MB)", "fit", names.Select(files.PathOf).ToArray()),
            ($"Strava zip of 300 .fit.gz ({new FileInfo(files.PathOf("export.zip")).Length / 1024.0 / 1024:0.0} MB)", "zip", [files.PathOf("export.zip")]),
        };
        foreach (var (label, key, picked) in cases)
        {
            await page.EvaluateAsync(@"() => {
                window.__bench = { longest: 0, tasks: 0 };
                const input = document.getElementById('training-files');
                input.addEventListener('change', () => { window.__bench.start = performance.now(); }, { once: true, capture: true });
                document.querySelector('[data-training-import]').addEventListener('training-import-done', () => { window.__bench.end = performance.now(); }, { once: true });
                window.__observer?.disconnect();
                window.__observer = new PerformanceObserver(list => { for (const e of list.getEntries()) { window.__bench.tasks++; window.__bench.longest = Math.max(window.__bench.longest, e.duration); } });
                window.__observer.observe({ type: 'longtask' });
            }");
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
            var cdp = await page.Context.NewCDPSessionAsync(page);
            var trace = new List<JsonElement>();
            var complete = new TaskCompletionSource();
            cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                lock (trace)
                {
                    trace.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
                }
            };
            cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
            await cdp.SendAsync("Tracing.start", new() { ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute", ["transferMode"] = "ReportEvents" });
            await page.GetByLabel("Choose or drop files from your watch or Strava").SetInputFilesAsync(picked);
            // Polled every 250 ms, not every frame: the benchmark's own polling stays out of the main-thread figures.
            await page.WaitForFunctionAsync("() => window.__bench.end !== undefined", null, new() { Timeout = 120_000, PollingInterval = 250 });
            await cdp.SendAsync("Tracing.end");
            await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await cdp.DetachAsync();
            await File.WriteAllTextAsync(Path.Combine(AppFixture.ScreenshotDirectory, $"training-import-trace-{key}.json"), JsonSerializer.Serialize(new { traceEvents = trace }));
            var result = await page.EvaluateAsync<double[]>("() => [window.__bench.end - window.__bench.start, window.__bench.longest, window.__bench.tasks]");
            report.AppendLine(CultureInfo.InvariantCulture, $"{label}: {result[0] / 1000:0.00} s to the weeks on screen, longest main-thread task {result[1]:0} ms ({result[2]:0} tasks over 50 ms); load average {string.Join(" ", load)}");
            report.Append(TraceSummary(trace));
            await Assertions.Expect(page.Locator(".training-import__status")).ToContainTextAsync($"Found {expectedRuns} runs in the 4 weeks.");
        }
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(AppFixture.ScreenshotDirectory, "training-import-benchmark.txt"), report.ToString());
    }

    /// <summary>From a Chromium trace: each page main-thread task over 50 ms and its longest parts, and each thread's busy time.</summary>
    private static string TraceSummary(List<JsonElement> events)
    {
        var threads = new Dictionary<(int, int), string>();
        var complete = new List<(int Pid, int Tid, string Name, double Ts, double Dur, string Detail)>();
        foreach (var e in events)
        {
            var ph = e.TryGetProperty("ph", out var p) ? p.GetString() : null;
            if (!e.TryGetProperty("pid", out var pidValue) || !e.TryGetProperty("tid", out var tidValue) || pidValue.ValueKind != JsonValueKind.Number || tidValue.ValueKind != JsonValueKind.Number)
            {
                continue;
            }
            var key = (pidValue.GetInt32(), tidValue.GetInt32());
            var name = e.GetProperty("name").GetString() ?? "";
            if (ph == "M" && name == "thread_name")
            {
                threads[key] = e.GetProperty("args").GetProperty("name").GetString() ?? "";
            }
            else if (ph == "X" && e.TryGetProperty("dur", out var dur))
            {
                var detail = "";
                if (e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in new[] { "type", "functionName", "url" })
                    {
                        if (data.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } value)
                        {
                            detail += " " + (value.Length > 60 ? value[^60..] : value);
                        }
                    }
                }
                complete.Add((key.Item1, key.Item2, name, e.GetProperty("ts").GetDouble(), dur.GetDouble(), detail));
            }
        }
        string ThreadOf(int pid, int tid) => threads.GetValueOrDefault((pid, tid), "?");
        var tasks = complete.Where(c => c.Name == "RunTask").ToList(); // the outermost task; older traces name it differently
        if (tasks.Count == 0)
        {
            tasks = [.. complete.Where(c => c.Name == "ThreadControllerImpl::RunTask")];
        }
        var text = new StringBuilder();
        // Times are given from the change event that hands the files to the page (before it: Chromium and the test driver).
        var change = complete.Where(c => c.Name == "EventDispatch" && c.Detail.StartsWith(" change", StringComparison.Ordinal)).Select(c => c.Ts).DefaultIfEmpty(0).Min();
        foreach (var task in tasks.Where(t => t.Dur > 50_000 && ThreadOf(t.Pid, t.Tid) == "CrRendererMain").OrderByDescending(t => t.Dur))
        {
            var parts = complete.Where(c => c.Pid == task.Pid && c.Tid == task.Tid && c.Ts >= task.Ts && c.Ts + c.Dur <= task.Ts + task.Dur && c.Name is not "RunTask" and not "ThreadControllerImpl::RunTask")
                .OrderByDescending(c => c.Dur).Take(4).Select(c => $"{c.Name}{c.Detail} {c.Dur / 1000:0} ms");
            text.AppendLine(CultureInfo.InvariantCulture, $"  main-thread task {task.Dur / 1000:0} ms at {(task.Ts - change) / 1000:0} ms: {string.Join("; ", parts)}");
        }
        var busy = tasks.GroupBy(t => ThreadOf(t.Pid, t.Tid)).Where(g => g.Key is "CrRendererMain" or "DedicatedWorker thread")
            .Select(g => $"{g.Key} {g.Sum(t => t.Dur) / 1000:0} ms in {g.Count()} tasks");
        text.AppendLine("  busy: " + string.Join(", ", busy));
        return text.ToString();
    }
}
