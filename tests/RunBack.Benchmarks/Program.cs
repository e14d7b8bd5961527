using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/RunBack.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(RunBack.Benchmarks.RulesBenchmarks).Assembly).Run(args);
