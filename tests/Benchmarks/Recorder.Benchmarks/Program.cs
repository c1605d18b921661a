using BenchmarkDotNet.Running;
using Recorder.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks/Recorder.Benchmarks
MemoryPerSpan.Report();
BenchmarkRunner.Run<SpanCostBenchmarks>(args: args);
