namespace ConcurrencyLab.Timelines;

/// <summary>
/// One reading of a thread's scheduler accounting: its CPU time and run-queue wait so far (ns), read between the
/// Stopwatch ticks <paramref name="Before"/> and <paramref name="After"/> (a reading under load may be preempted, so
/// it is an interval, not an instant), in sampler tick <paramref name="Tick"/> (the readings of one tick belong together).
/// </summary>
internal readonly record struct SchedulerReading(long Before, long After, long CpuNanoseconds, long RunQueueNanoseconds, long Tick)
{
    /// <summary>Where the reading is drawn: the middle of its interval.</summary>
    public long Timestamp => Before + (After - Before) / 2;
}
