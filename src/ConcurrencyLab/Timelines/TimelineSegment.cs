using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>A stretch of time on one thread: running a span, blocked, or sleeping. Times in ms since the start.</summary>
/// <param name="ThreadId">Managed id of the thread (see <see cref="TimelineThread.ManagedId"/>).</param>
/// <param name="Start">Start, ms since the timeline started.</param>
/// <param name="End">End, ms since the timeline started.</param>
/// <param name="State">Running, Blocked or Sleeping.</param>
/// <param name="Label">The span's label (or what was waited on).</param>
public sealed record TimelineSegment(int ThreadId, double Start, double End, SegmentState State, string Label)
{
    /// <summary>Why the thread was blocked; null unless <see cref="State"/> is Blocked.</summary>
    public BlockCause? Cause { get; init; }

    /// <summary>Length in ms.</summary>
    public double Duration => End - Start;

    /// <summary>
    /// ms of this segment its thread spent on a CPU, from the OS: read from the thread's CPU clock at both ends of a
    /// span or hold, else estimated from the sampled thread states; null where CPU time was not measured.
    /// </summary>
    public double? OnCpu { get => double.IsNaN(_onCpu) ? null : _onCpu; init => _onCpu = value ?? double.NaN; }

    /// <summary>ms of this segment its thread was ready to run but waited for a CPU (sampled, Linux); null where not measured.</summary>
    public double? WaitingForCpu { get => double.IsNaN(_waitingForCpu) ? null : _waitingForCpu; init => _waitingForCpu = value ?? double.NaN; }

    // NaN for "not measured": 8 bytes each instead of a nullable's 16, for timelines of millions of segments.
    private readonly double _onCpu = double.NaN;
    private readonly double _waitingForCpu = double.NaN;

    /// <summary>
    /// True where <see cref="OnCpu"/> was estimated from the sampled thread states (the span did not read its thread's
    /// clock) rather than measured: such a figure is the samples' share, not a bound a count of threads may rely on.
    /// </summary>
    internal bool IsCpuEstimated { get; init; }

    /// <summary>ms of this segment spent neither on a CPU nor waiting for one (blocked, sleeping, I/O); null where not measured.</summary>
    public double? OffCpu => OnCpu is { } cpu ? Math.Max(0, Duration - cpu - (WaitingForCpu ?? 0)) : null;
}
