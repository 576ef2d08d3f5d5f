using BenchmarkDotNet.Running;
using ErrorHandling.AspNetCore.Benchmarks;

// dotnet run -c Release --project tests/ErrorHandling.AspNetCore.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new BenchmarkConfig());
