namespace ConcurrencyLab.Timelines;

/// <summary>
/// What the scheduler says one thread did between two readings (ms since start): time on a CPU, time runnable but
/// waiting for one; the rest it was off a CPU (blocked, sleeping, waiting for I/O).
/// </summary>
internal readonly record struct CpuInterval(double Start, double End, double OnCpu, double WaitingForCpu)
{
    public double Length => End - Start;
    public double OffCpu => Math.Max(0, Length - OnCpu - WaitingForCpu);
}
