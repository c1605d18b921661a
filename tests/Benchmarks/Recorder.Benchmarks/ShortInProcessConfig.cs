using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Recorder.Benchmarks;

/// <summary>
/// A short job (3 warm-ups, 15 iterations of 240,000 spans per thread, which fit in the 8 MiB of buffers a thread keeps for reuse) run in-process: BenchmarkDotNet 0.14 predates .NET 10, so
/// generating a separate project for this runtime is avoided. Fixed invocation counts make each
/// iteration record a bounded number of spans into the timeline created by the iteration setup.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(24)
            .WithUnrollFactor(1)
            .WithId("ShortInProcess"));
    }
}
