using RunBack.LoadHarness;

// The load and memory harness (issue 18). One command, one table; it reports, it never asserts a timing:
//   dotnet run -c Release --project tests/RunBack.LoadHarness            (about 8 minutes)
//   dotnet run -c Release --project tests/RunBack.LoadHarness -- --short (about 4 minutes: proves it works)
//   ... -- --smoke   (under a minute on a quiet machine: every part once at tiny sizes; CI runs it. Exits non-zero
//                     when a part did not run; it never judges a figure)
//   ... -- --only saves,rules                                             (some parts: pages, history, saves, circuits, startup, pdf, rules)
//   ... -- --keep    (the work folder stays: the published app, its databases and the history profiles' cookies, to profile)
var options = HarnessOptions.Parse(args);
Directory.CreateDirectory(options.WorkFolder);
var table = new Table { JudgeFigures = options.Mode != HarnessMode.Smoke };
var parts = new Parts(options, table);
var loadBefore = Processes.LoadAverage();
try
{
    var published = await parts.RunAsync("publish", async () =>
    {
        Console.WriteLine($"Publishing src/RunBack.Web ({options.Configuration}) to {options.WorkFolder}...");
        return await AppUnderTest.PublishAsync(Path.Combine(options.WorkFolder, "app"), options);
    });
    var app = published is null ? null : await parts.RunAsync("start", () => AppUnderTest.StartAsync(published, options));
    if (app is not null)
    {
        await using (app)
        {
            Console.WriteLine($"App at {app.Url} (Production, SQLite {app.DatabasePath}).");
            await parts.RunAsync("pages", () => Pages.RunAsync(app, options, table));
            await parts.RunAsync("history", () => History.RunAsync(app, options, table));
            await parts.RunAsync("saves", () => Saves.RunAsync(app, options, table));
            await parts.RunAsync("circuits", () => Circuits.RunAsync(app, options, table));
        }
    }
    if (published is not null)
    {
        await parts.RunAsync("startup", () => Startup.RunAsync(published, options, table));
    }
    await parts.RunAsync("pdf", () => External.PdfAsync(options, table));
    await parts.RunAsync("rules", () => External.RulesAsync(options, table));
}
finally
{
    if (table.Count > 0)
    {
        var mode = options.Mode switch
        {
            HarnessMode.Smoke => " (smoke mode: every part once at tiny sizes; figures prove it runs, not speed)",
            HarnessMode.Short => " (short mode: figures prove it runs, not speed)",
            _ => "",
        };
        table.Print(Console.Out, $"RunBack load harness{mode}: " +
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before {loadBefore}, after {Processes.LoadAverage()}");
    }
    parts.PrintSummary(Console.Out);
    if (options.Keep)
    {
        Console.WriteLine($"Kept {options.WorkFolder} (--keep): the published app in app/, its databases, and the history profiles' cookies (history-N.cookie), to profile a page afterwards on the same data.");
    }
    else
    {
        try
        {
            Directory.Delete(options.WorkFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp clean-up.
        }
    }
}
return parts.AllRan ? 0 : 1;

namespace RunBack.LoadHarness
{
    internal enum HarnessMode { Full, Short, Smoke }

    internal sealed record HarnessOptions(HarnessMode Mode, int Connections, int WarmupSeconds, int PageSeconds, int SavesPerWriter,
        int Circuits, int PagesPerContext, int PdfWarmRuns, int PdfColdRuns, string WorkFolder)
    {
        public IReadOnlySet<string>? Only { get; init; }

        /// <summary>--keep: the work folder stays after the run, for profiling on the same data.</summary>
        public bool Keep { get; init; }

        /// <summary>The history lengths the history part saves for one profile each and measures.</summary>
        public IReadOnlyList<int> HistorySizes { get; init; } = [20, 1000, 5000];

        /// <summary>How long the app keeps a disconnected circuit (shortened for the run; the circuits part waits it out twice).</summary>
        public TimeSpan Retention { get; init; } = TimeSpan.FromSeconds(15);

        public bool Short => Mode != HarnessMode.Full;

        /// <summary>
        /// The build the app and the benchmarks run from: Release, built for the run; in smoke mode the harness's own
        /// configuration (CI's Debug build from the test run), reused without building again where it exists.
        /// </summary>
        public string Configuration => Mode == HarnessMode.Smoke ? BuildConfiguration : "Release";

        public static string BuildConfiguration =>
            typeof(HarnessOptions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Release";

        /// <summary>"--no-build" when smoke mode finds the project's build of <see cref="Configuration"/> already there.</summary>
        public string[] NoBuildIfBuilt(string projectFolder)
        {
            var name = Path.GetFileName(projectFolder);
            return Mode == HarnessMode.Smoke && File.Exists(Path.Combine(projectFolder, "bin", Configuration, "net10.0", name + ".dll")) ? ["--no-build"] : [];
        }

        public bool Runs(string part) => Only is null || Only.Contains(part);

        public static HarnessOptions Parse(string[] args)
        {
            var work = Path.Combine(Path.GetTempPath(), "runback-load-" + Guid.NewGuid().ToString("N"));
            var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length
                ? new HashSet<string>(args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase)
                : null;
            var options = args.Contains("--smoke")
                ? new HarnessOptions(HarnessMode.Smoke, 4, 0, 1, 1, 2, 2, 1, 1, work) { HistorySizes = [5, 50], Retention = TimeSpan.FromSeconds(2) }
                : args.Contains("--short")
                    ? new HarnessOptions(HarnessMode.Short, 16, 1, 2, 2, 10, 5, 1, 1, work) { HistorySizes = [20, 200] }
                    : new HarnessOptions(HarnessMode.Full, 32, 3, 10, 20, 100, 10, 5, 2, work);
            return options with { Only = only, Keep = args.Contains("--keep") };
        }
    }

    /// <summary>
    /// Runs each part of the harness on its own: a part that throws is named in the table and the summary, and the
    /// harness goes on with the next; at the end it says which parts ran and the exit code is non-zero if one did not.
    /// </summary>
    internal sealed class Parts(HarnessOptions options, Table table)
    {
        private readonly List<(string Part, string? Failure)> _results = [];

        public bool AllRan => _results.All(r => r.Failure is null);

        public async Task RunAsync(string part, Func<Task> action) =>
            await RunAsync<object>(part, async () =>
            {
                await action();
                return new object();
            });

        public async Task<T?> RunAsync<T>(string part, Func<Task<T>> action) where T : class
        {
            if (part is not ("publish" or "start") && !options.Runs(part))
            {
                return null;
            }
            Console.WriteLine($"{char.ToUpperInvariant(part[0])}{part[1..]}...");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                var result = await action();
                _results.Add((part, null));
                Console.WriteLine(string.Create(Table.Invariant, $"  {part} ran in {clock.Elapsed.TotalSeconds:F1} s"));
                return result;
            }
            catch (Exception e)
            {
                var first = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? e.GetType().Name;
                _results.Add((part, first));
                table.Failed($"part '{part}'", "did not run: " + first);
                Console.Error.WriteLine($"The harness part '{part}' did not run:\n{e}");
                return null;
            }
        }

        public void PrintSummary(TextWriter output)
        {
            var failed = _results.Where(r => r.Failure is not null).Select(r => r.Part).ToList();
            output.WriteLine(failed.Count == 0
                ? $"Harness parts run: {string.Join(", ", _results.Select(r => r.Part))}; every part ran."
                : $"Harness parts that did NOT run: {string.Join(", ", failed)} (ran: {string.Join(", ", _results.Where(r => r.Failure is null).Select(r => r.Part))}).");
        }
    }
}
