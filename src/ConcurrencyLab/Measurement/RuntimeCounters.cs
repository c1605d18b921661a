namespace ConcurrencyLab.Measurement;

/// <summary>
/// One reading of the process-wide counters BenchmarkDotNet's MemoryDiagnoser and ThreadingDiagnoser
/// report. Subtracting two readings gives what happened in between, on every thread.
/// </summary>
internal readonly record struct RuntimeCounters(
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    long LockContentions,
    long CompletedWorkItems)
{
    /// <summary>Reads the counters now.</summary>
    public static RuntimeCounters Read()
    {
        // Monitor.LockContentionCount may itself queue a work item, so it is read before
        // ThreadPool.CompletedWorkItemCount (BenchmarkDotNet's ThreadingDiagnoser does the same).
        long contentions = Monitor.LockContentionCount;
        long completed = ThreadPool.CompletedWorkItemCount;
        return new RuntimeCounters(
            GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            contentions,
            completed);
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static RuntimeCounters operator -(RuntimeCounters after, RuntimeCounters before) => new(
        after.AllocatedBytes - before.AllocatedBytes,
        after.Gen0Collections - before.Gen0Collections,
        after.Gen1Collections - before.Gen1Collections,
        after.Gen2Collections - before.Gen2Collections,
        after.LockContentions - before.LockContentions,
        after.CompletedWorkItems - before.CompletedWorkItems);

    /// <summary>The sum of two deltas.</summary>
    public static RuntimeCounters operator +(RuntimeCounters a, RuntimeCounters b) => new(
        a.AllocatedBytes + b.AllocatedBytes,
        a.Gen0Collections + b.Gen0Collections,
        a.Gen1Collections + b.Gen1Collections,
        a.Gen2Collections + b.Gen2Collections,
        a.LockContentions + b.LockContentions,
        a.CompletedWorkItems + b.CompletedWorkItems);
}
