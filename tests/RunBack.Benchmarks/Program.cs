using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Benchmarks: dotnet run -c Release --project tests/RunBack.Benchmarks -- --filter '*'
// PDF timings (cold and warm, worst-case summary): dotnet run -c Release --project tests/RunBack.Benchmarks -- pdf
if (args.Length > 0 && args[0] == "pdf")
{
    return await RunBack.Benchmarks.PdfTiming.RunAsync(args);
}
// The load harness's smoke run passes --smoke: it runs the benchmarks once on CI's Debug build to prove they run, so
// BenchmarkDotNet's refusal of a non-optimized build is turned off for that run alone (its figures are not read as speed).
var smoke = args.Contains("--smoke");
var config = smoke ? DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator) : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(RunBack.Benchmarks.RulesBenchmarks).Assembly).Run([.. args.Where(a => a != "--smoke")], config);
return 0;
