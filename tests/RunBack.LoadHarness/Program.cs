using RunBack.LoadHarness;

// The load and memory harness (issue 18). One command, one table; it reports, it never asserts a timing:
//   dotnet run -c Release --project tests/RunBack.LoadHarness            (about 8 minutes)
//   dotnet run -c Release --project tests/RunBack.LoadHarness -- --short (about 4 minutes: proves it works)
//   ... -- --only saves,rules                                             (some parts: pages, saves, circuits, pdf, rules)
var options = HarnessOptions.Parse(args);
Directory.CreateDirectory(options.WorkFolder);
var table = new Table();
var loadBefore = Processes.LoadAverage();
try
{
    Console.WriteLine($"Publishing src/RunBack.Web (Release) to {options.WorkFolder}...");
    var published = await AppUnderTest.PublishAsync(Path.Combine(options.WorkFolder, "app"));
    await using (var app = await AppUnderTest.StartAsync(published, options.WorkFolder))
    {
        Console.WriteLine($"App at {app.Url} (Production, SQLite {app.DatabasePath}).");
        if (options.Runs("pages"))
        {
            Console.WriteLine("Pages...");
            await Pages.RunAsync(app, options, table);
        }
        if (options.Runs("saves"))
        {
            Console.WriteLine("Saves...");
            await Saves.RunAsync(app, options, table);
        }
        if (options.Runs("circuits"))
        {
            Console.WriteLine("Circuits...");
            await Circuits.RunAsync(app, options, table);
        }
    }
    if (options.Runs("pdf"))
    {
        Console.WriteLine("PDF...");
        await External.PdfAsync(options, table);
    }
    if (options.Runs("rules"))
    {
        Console.WriteLine("Rules (BenchmarkDotNet)...");
        await External.RulesAsync(options, table);
    }
}
finally
{
    if (table.Count > 0)
    {
        table.Print(Console.Out, $"RunBack load harness{(options.Short ? " (short mode: figures prove it runs, not speed)" : "")}: " +
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average before {loadBefore}, after {Processes.LoadAverage()}");
    }
    try
    {
        Directory.Delete(options.WorkFolder, recursive: true);
    }
    catch (IOException)
    {
        // Left for the system's temp clean-up.
    }
}
return 0;

namespace RunBack.LoadHarness
{
    internal sealed record HarnessOptions(bool Short, int Connections, int WarmupSeconds, int PageSeconds, int SavesPerWriter,
        int Circuits, int PagesPerContext, int PdfWarmRuns, int PdfColdRuns, string WorkFolder)
    {
        public IReadOnlySet<string>? Only { get; init; }

        public bool Runs(string part) => Only is null || Only.Contains(part);

        public static HarnessOptions Parse(string[] args)
        {
            var work = Path.Combine(Path.GetTempPath(), "runback-load-" + Guid.NewGuid().ToString("N"));
            var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length
                ? new HashSet<string>(args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase)
                : null;
            return (args.Contains("--short")
                ? new HarnessOptions(true, 16, 1, 2, 2, 10, 5, 1, 1, work)
                : new HarnessOptions(false, 32, 3, 10, 20, 100, 10, 5, 2, work)) with
            { Only = only };
        }
    }
}
