using BenchmarkDotNet.Attributes;

namespace Measurement.Accuracy;

/// <summary>The same workloads as BenchmarkDotNet benchmarks (one method each, no extra work).</summary>
public class BdnWorkloads
{
    [Benchmark] public void Mix32() => Workloads.Mix32();

    [Benchmark] public void SortCopy256() => Workloads.SortCopy256();

    [Benchmark] public void BuildDictionary1000() => Workloads.BuildDictionary1000();

    [Benchmark] public void ContendedLock2x20000() => Workloads.ContendedLock2x20000();

    [Benchmark] public void Mix16M() => Workloads.Mix16M();
}
