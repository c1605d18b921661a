namespace ConcurrencyLab.Measurement;

/// <summary>One reading of the thread-pool, lock and GC counters during <see cref="Measure.Sample(Action, TimeSpan?, MeasureOptions?)"/>.</summary>
/// <param name="Time">Since the sampled code started.</param>
/// <param name="ThreadCount">Thread-pool threads (<see cref="ThreadPool.ThreadCount"/>).</param>
/// <param name="PendingWorkItems">Work items queued but not started: the queue length (<see cref="ThreadPool.PendingWorkItemCount"/>).</param>
/// <param name="CompletedWorkItems">Work items completed since the code started.</param>
/// <param name="LockContentions">Monitor lock contentions since the code started.</param>
/// <param name="HeapBytes">Bytes thought to be allocated on the GC heap (<see cref="GC.GetTotalMemory(bool)"/>).</param>
public readonly record struct CounterSample(
    TimeSpan Time,
    int ThreadCount,
    long PendingWorkItems,
    long CompletedWorkItems,
    long LockContentions,
    long HeapBytes);
