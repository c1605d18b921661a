using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// How a stretch of a thread's time divides into on a CPU, ready but waiting for one, and off a CPU (ms): a span's
/// own clock split, the part of it a fill must place, or what one piece of the fill holds.
/// </summary>
internal readonly record struct CpuSplit(double OnCpu, double WaitingForCpu, double OffCpu)
{
    /// <summary>The states a fill draws, in the order a piece of the fill lists them.</summary>
    public static readonly SegmentState[] States = { SegmentState.Running, SegmentState.Runnable, SegmentState.OffCpu };

    public double Total => OnCpu + WaitingForCpu + OffCpu;

    public double this[int state] => state switch { 0 => OnCpu, 1 => WaitingForCpu, _ => OffCpu };

    /// <summary>A span's split: its own figures, the rest of its wall time off a CPU.</summary>
    public static CpuSplit Of(TimelineSegment span)
    {
        var on = span.OnCpu ?? 0;
        var waiting = span.WaitingForCpu ?? 0;
        return new CpuSplit(on, waiting, Math.Max(0, span.Duration - on - waiting));
    }

    /// <summary>A sampled interval's amounts.</summary>
    public static CpuSplit Of(CpuInterval interval) => new(interval.OnCpu, interval.WaitingForCpu, interval.OffCpu);

    public static CpuSplit operator +(CpuSplit a, CpuSplit b) => new(a.OnCpu + b.OnCpu, a.WaitingForCpu + b.WaitingForCpu, a.OffCpu + b.OffCpu);

    public static CpuSplit operator -(CpuSplit a, CpuSplit b) => new(a.OnCpu - b.OnCpu, a.WaitingForCpu - b.WaitingForCpu, a.OffCpu - b.OffCpu);

    public CpuSplit Scaled(double factor) => new(OnCpu * factor, WaitingForCpu * factor, OffCpu * factor);

    /// <summary>
    /// The same proportions adding up to exactly <paramref name="length"/>: negative parts (measurement noise where a
    /// parent's and its children's readings are subtracted) become 0 first. With nothing left, all of it is off a CPU.
    /// </summary>
    public CpuSplit Fitted(double length)
    {
        var clamped = new CpuSplit(Math.Max(0, OnCpu), Math.Max(0, WaitingForCpu), Math.Max(0, OffCpu));
        var total = clamped.Total;
        return total > 0 ? clamped.Scaled(length / total) : new CpuSplit(0, 0, Math.Max(0, length));
    }
}
