using RunBack.LoadHarness;

// The load and memory harness (issue 18). One command, one table; it reports, it never asserts a timing:
//   dotnet run -c Release --project tests/RunBack.LoadHarness            (about 8 minutes)
//   dotnet run -c Release --project tests/RunBack.LoadHarness -- --short (under a minute or two: proves it works)
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
        Console.WriteLine($"App at {app.Url} (Production, SQLite {app.DatabasePath}). Pages...");
        await Pages.RunAsync(app, options, table);
        Console.WriteLine("Saves...");
        await Saves.RunAsync(app, options, table);
        Console.WriteLine("Circuits...");
        await Circuits.RunAsync(app, options, table);
    }
    Console.WriteLine("PDF...");
    await External.PdfAsync(options, table);
    Console.WriteLine("Rules (BenchmarkDotNet)...");
    await External.RulesAsync(options, table);
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
        public static HarnessOptions Parse(string[] args)
        {
            var work = Path.Combine(Path.GetTempPath(), "runback-load-" + Guid.NewGuid().ToString("N"));
            return args.Contains("--short")
                ? new HarnessOptions(true, 16, 1, 2, 2, 10, 5, 1, 1, work)
                : new HarnessOptions(false, 32, 3, 10, 20, 100, 10, 5, 2, work);
        }
    }
}
