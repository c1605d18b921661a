namespace ConcurrencyLab.Timelines;

/// <summary>
/// A thread's own CPU clock (ns) and, on Linux, its total wait for a CPU so far (ns, -1 where unknown), read at one
/// end of a span. Both are up to date when the thread reads them itself: it is on a CPU then.
/// </summary>
internal readonly record struct CpuReading(long Cpu, long RunQueue)
{
    /// <summary>No reading: CPU time is not measured.</summary>
    public static CpuReading None => new(-1, -1);

    public bool IsMeasured => Cpu >= 0;
}
