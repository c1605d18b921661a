namespace ConcurrencyLab.Timelines;

/// <summary>One reading of a thread's scheduler accounting: when (Stopwatch ticks), CPU time and run-queue wait so far (ns).</summary>
internal readonly record struct SchedulerReading(long Timestamp, long CpuNanoseconds, long RunQueueNanoseconds);
