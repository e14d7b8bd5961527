using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RunBack.BrowserTests;
using RunBack.Core.Content;
using RunBack.Web.Features.Summary;

namespace RunBack.Benchmarks;

/// <summary>
/// Times the server's "Download PDF" path (HTML render + Chromium print) with the worst-case summary: cold (a new
/// Chromium, as after the app starts) and warm (the kept browser). Reports numbers; it asserts nothing.
/// Run with: dotnet run -c Release --project tests/RunBack.Benchmarks -- pdf [warm runs] [cold runs]
/// </summary>
internal static class PdfTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var warmRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var coldRuns = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var directory = Path.Combine(Path.GetTempPath(), "runback-pdf-timing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // A console app carries no test manifest: tell the factory where the web project lives.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RUNBACK_WEB", Path.Combine(RepoPaths.Root, "src", "RunBack.Web"));
        await using var factory = new Factory(directory);
        var services = factory.Services;
        var model = WorstCaseSummary.Build(services.GetRequiredService<ContentStore>().Current, AppClock.Today);

        var cold = new List<double>();
        for (var i = 0; i < coldRuns; i++)
        {
            await using var host = new ChromiumHost(services.GetRequiredService<IOptions<PdfOptions>>());
            using var renderer = ActivatorUtilities.CreateInstance<PdfRenderer>(services, host);
            cold.Add(await TimeAsync(renderer, model, letter: false));
        }

        await using var kept = new ChromiumHost(services.GetRequiredService<IOptions<PdfOptions>>());
        using var warmRenderer = ActivatorUtilities.CreateInstance<PdfRenderer>(services, kept);
        await TimeAsync(warmRenderer, model, letter: false);
        var warm = new List<double>();
        for (var i = 0; i < warmRuns; i++)
        {
            warm.Add(await TimeAsync(warmRenderer, model, letter: i % 2 == 1));
        }

        Report("cold (new Chromium)", cold);
        Report("warm (kept Chromium)", warm);
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    private static async Task<double> TimeAsync(PdfRenderer renderer, SummaryModel model, bool letter)
    {
        var watch = Stopwatch.StartNew();
        var result = await renderer.RenderAsync(model, letter, CancellationToken.None);
        watch.Stop();
        if (result.Pdf is null)
        {
            throw new InvalidOperationException($"No PDF: {result.Failure}.");
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Report(string name, List<double> times)
    {
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} n={times.Count,-3} min={times[0],7:F0} ms  median={median,7:F0} ms  max={times[^1],7:F0} ms"));
    }

    private sealed class Factory(string directory) : WebApplicationFactory<PdfRenderer>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:PublicBaseUrl", "https://runback.example");
            builder.UseSetting("Fhir:CanonicalBase", "https://runback.example/harness/fhir");
            builder.UseSetting("Database:Path", Path.Combine(directory, "runback.db"));
            builder.UseSetting("Content:Path", RepoPaths.Content);
        }
    }
}
