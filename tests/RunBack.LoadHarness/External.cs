using System.Globalization;
using System.Text.RegularExpressions;

namespace RunBack.LoadHarness;

/// <summary>The PDF timing and the rules benchmarks of tests/RunBack.Benchmarks, run as they are and read back.</summary>
internal static partial class External
{
    private static string Benchmarks => Path.Combine(RepoPaths.Root, "tests", "RunBack.Benchmarks");

    public static async Task PdfAsync(HarnessOptions options, Table table)
    {
        var (exit, output) = await Processes.RunAsync("dotnet",
            ["run", "-c", options.Configuration, .. options.NoBuildIfBuilt(Benchmarks), "--project", Benchmarks, "--", "pdf", options.PdfWarmRuns.ToString(CultureInfo.InvariantCulture), options.PdfColdRuns.ToString(CultureInfo.InvariantCulture)]);
        var cold = PdfLine().Match(output.Split('\n').FirstOrDefault(l => l.StartsWith("cold", StringComparison.Ordinal)) ?? "");
        var warm = PdfLine().Match(output.Split('\n').FirstOrDefault(l => l.StartsWith("warm", StringComparison.Ordinal)) ?? "");
        if (exit != 0 || !cold.Success || !warm.Success)
        {
            throw new InvalidOperationException("the pdf timing did not run: " + LastLine(output));
        }
        double Ms(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        table.Add($"PDF warm (kept Chromium, n={warm.Groups["n"].Value})", $"median {Ms(warm, "median"):F0} ms, max {Ms(warm, "max"):F0} ms", "<= 1500 ms", Ms(warm, "max") <= 1500);
        table.Add($"PDF cold (new Chromium, n={cold.Groups["n"].Value})", $"median {Ms(cold, "median"):F0} ms, max {Ms(cold, "max"):F0} ms", "<= 5000 ms", Ms(cold, "max") <= 5000);
    }

    public static async Task RulesAsync(HarnessOptions options, Table table)
    {
        var artifacts = Path.Combine(options.WorkFolder, "benchmarks");
        var (exit, output) = await Processes.RunAsync("dotnet",
            ["run", "-c", options.Configuration, .. options.NoBuildIfBuilt(Benchmarks), "--project", Benchmarks, "--", "--filter", "*RulesBenchmarks*", "--job", options.Short ? "dry" : "short",
             "--artifacts", artifacts, "--exporters", "csv",
             // Smoke: in the benchmarks' own process, so BenchmarkDotNet builds no project of its own.
             .. options.Mode == HarnessMode.Smoke ? new[] { "--inProcess", "--smoke" } : []]);
        var report = Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*RulesBenchmarks-report.csv", SearchOption.AllDirectories).FirstOrDefault() : null;
        if (exit != 0 || report is null)
        {
            throw new InvalidOperationException("the rules benchmarks did not run: " + LastLine(output));
        }
        var lines = (await File.ReadAllLinesAsync(report)).Select(SplitCsv).ToList();
        var header = lines[0];
        int Column(string name) => Array.IndexOf(header, name);
        if (lines.Count < 2)
        {
            throw new InvalidOperationException("the rules benchmarks reported no rows");
        }
        foreach (var row in lines.Skip(1))
        {
            var method = row[Column("Method")];
            var mean = Microseconds(row[Column("Mean")]);
            var allocated = Kilobytes(row[Column("Allocated")]);
            var isEvaluation = method.StartsWith("Evaluate", StringComparison.Ordinal);
            table.Add($"rules: {method}{(options.Short ? " (dry job)" : "")}", string.Create(CultureInfo.InvariantCulture, $"{mean:F1} us, {allocated:F1} KB"),
                isEvaluation ? "< 50 us, < 8 KB" : "(reported)", isEvaluation ? mean < 50 && allocated < 8 : null);
        }
    }

    private static string[] SplitCsv(string line) => CsvField().Matches(line).Select(m => m.Groups[1].Value.Trim('"')).ToArray();

    private static double Microseconds(string text)
    {
        var m = Regex.Match(text.Replace(",", "", StringComparison.Ordinal), @"([0-9.]+)\s*(ns|us|μs|ms|s)");
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "ns" => value / 1000, "ms" => value * 1000, "s" => value * 1_000_000, _ => value };
    }

    private static double Kilobytes(string text)
    {
        var m = Regex.Match(text.Replace(",", "", StringComparison.Ordinal), @"([0-9.]+)\s*(B|KB|MB)");
        if (!m.Success)
        {
            return 0;
        }
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "B" => value / 1024, "MB" => value * 1024, _ => value };
    }

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";

    [GeneratedRegex(@"n=(?<n>\d+)\s+min=\s*(?<min>[0-9.]+) ms\s+median=\s*(?<median>[0-9.]+) ms\s+max=\s*(?<max>[0-9.]+) ms")]
    private static partial Regex PdfLine();

    [GeneratedRegex("(\"[^\"]*\"|[^;,]*)(?:[;,]|$)")]
    private static partial Regex CsvField();
}
