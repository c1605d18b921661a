namespace ConcurrencyLab.Timelines;

/// <summary>
/// What the scheduler says one thread did between two readings (ms since start): time on a CPU, time runnable but
/// waiting for one; the rest it was off a CPU (blocked, sleeping, waiting for I/O).
/// </summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> are where the readings are drawn; the CPU time is known to lie within
/// <see cref="OuterStart"/>…<see cref="OuterEnd"/> (from before the first reading began to after the second ended),
/// which is what a count of threads on a CPU at once may rely on.
/// </remarks>
internal readonly record struct CpuInterval(double Start, double End, double OnCpu, double WaitingForCpu)
{
    public double Length => End - Start;
    public double OffCpu => Math.Max(0, Length - OnCpu - WaitingForCpu);

    /// <summary>Earliest time the CPU time in this interval can have been spent.</summary>
    public double OuterStart { get; init; } = Start;

    /// <summary>Latest time the CPU time in this interval can have been spent.</summary>
    public double OuterEnd { get; init; } = End;

    /// <summary>The sampler tick that ended this interval, or -1 where intervals were not sampled (given states).</summary>
    public long EndTick { get; init; } = -1;
}
