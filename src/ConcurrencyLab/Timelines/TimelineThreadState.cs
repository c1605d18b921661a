using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// What a thread was doing over a stretch of time, from the scheduler's own accounting (sampled while recording):
/// <see cref="SegmentState.Running"/> on a CPU, <see cref="SegmentState.Runnable"/> ready but waiting for a CPU, or
/// <see cref="SegmentState.OffCpu"/> waiting off a CPU (blocked, sleeping, in I/O). Times in ms since the start.
/// </summary>
/// <param name="ThreadId">Managed id of the thread.</param>
/// <param name="Start">ms since start.</param>
/// <param name="End">ms since start.</param>
/// <param name="State">What the thread mostly did in this stretch.</param>
/// <param name="OnCpu">ms of the stretch the thread spent on a CPU.</param>
/// <param name="WaitingForCpu">ms of the stretch the thread was ready to run but waited for a CPU.</param>
public sealed record TimelineThreadState(int ThreadId, double Start, double End, SegmentState State, double OnCpu, double WaitingForCpu)
{
    /// <summary>Length in ms.</summary>
    public double Duration => End - Start;

    /// <summary>ms of the stretch the thread was neither on a CPU nor waiting for one.</summary>
    public double OffCpu => Math.Max(0, Duration - OnCpu - WaitingForCpu);
}
