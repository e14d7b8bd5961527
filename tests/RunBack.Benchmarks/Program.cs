using BenchmarkDotNet.Running;

// Benchmarks: dotnet run -c Release --project tests/RunBack.Benchmarks -- --filter '*'
// PDF timings (cold and warm, worst-case summary): dotnet run -c Release --project tests/RunBack.Benchmarks -- pdf
if (args.Length > 0 && args[0] == "pdf")
{
    return await RunBack.Benchmarks.PdfTiming.RunAsync(args);
}
BenchmarkSwitcher.FromAssembly(typeof(RunBack.Benchmarks.RulesBenchmarks).Assembly).Run(args);
return 0;
