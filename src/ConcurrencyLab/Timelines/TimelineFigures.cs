using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Derived figures. Where CPU time was measured, a thread is busy only while on a CPU inside its spans (the OS says
/// how long); otherwise while inside a span and not in a recorded wait or sleep. Nested spans are not counted twice.
/// </summary>
internal sealed class TimelineFigures
{
    public required double WallMs { get; init; }
    public required IReadOnlyDictionary<int, double> BusyMsByThread { get; init; }
    public required IReadOnlyDictionary<int, double> BlockedMsByThread { get; init; }
    public required IReadOnlyDictionary<BlockCause, double> BlockedMsByCause { get; init; }
    public required double SleepingMs { get; init; }
    public required int MaxConcurrency { get; init; }
    public required int MaxThreadsInSpans { get; init; }
    public required bool CpuMeasured { get; init; }
    public required double WaitingForCpuMs { get; init; }
    public required double OffCpuMs { get; init; }

    public double TotalBusyMs => BusyMsByThread.Values.Sum();
    public double AverageParallelism => WallMs > 0 ? TotalBusyMs / WallMs : 0;

    public static TimelineFigures Compute(TimelineData data)
    {
        var busyByThread = new Dictionary<int, double>();
        var blockedByThread = new Dictionary<int, double>();
        var blockedByCause = new Dictionary<BlockCause, double>();
        var inSpans = new List<(double Start, double End)>();
        double sleeping = 0, waitingForCpu = 0, offCpu = 0;
        var cpuMeasured = data.Segments.Any(s => s.State == SegmentState.Running && s.OnCpu is not null);

        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            List<(double, double)> UnionOf(SegmentState state) =>
                Intervals.Union(thread.Where(s => s.State == state).Select(s => (s.Start, s.End)));
            var blocked = UnionOf(SegmentState.Blocked);
            var asleep = UnionOf(SegmentState.Sleeping);
            var notWorking = Intervals.Union(blocked.Concat(asleep));
            var busy = Intervals.Subtract(UnionOf(SegmentState.Running), notWorking);
            inSpans.AddRange(busy);
            busyByThread[thread.Key] = cpuMeasured ? OnCpuInSpans(thread, notWorking, ref waitingForCpu, ref offCpu) : Intervals.Measure(busy);
            blockedByThread[thread.Key] = Intervals.Measure(blocked);
            sleeping += Intervals.Measure(asleep);
            foreach (var cause in thread.Where(s => s.State == SegmentState.Blocked).GroupBy(s => s.Cause ?? BlockCause.Other))
            {
                var ms = Intervals.Measure(Intervals.Union(cause.Select(s => (s.Start, s.End))));
                blockedByCause[cause.Key] = blockedByCause.GetValueOrDefault(cause.Key) + ms;
            }
        }

        var maxInSpans = Intervals.MaxOverlap(inSpans);
        return new TimelineFigures
        {
            WallMs = data.WallMs,
            BusyMsByThread = busyByThread,
            BlockedMsByThread = blockedByThread,
            BlockedMsByCause = blockedByCause,
            SleepingMs = sleeping,
            // Measured: the threads drawn running at once, which the sampler never lets exceed the CPU time there was.
            MaxConcurrency = cpuMeasured
                ? Intervals.MaxOverlap(data.SpanStates.Where(p => p.State == SegmentState.Running).Select(p => (p.Start, p.End)))
                : maxInSpans,
            MaxThreadsInSpans = maxInSpans,
            CpuMeasured = cpuMeasured,
            WaitingForCpuMs = waitingForCpu,
            OffCpuMs = offCpu,
        };
    }

    /// <summary>CPU time in the thread's outermost spans; a span without a CPU reading counts its time outside recorded waits.</summary>
    private static double OnCpuInSpans(IEnumerable<TimelineSegment> thread, List<(double Start, double End)> notWorking,
        ref double waitingForCpu, ref double offCpu)
    {
        double busy = 0;
        foreach (var span in SpanStateBuilder.Outermost(thread.Where(s => s.State == SegmentState.Running)))
        {
            var cpu = span.OnCpu ?? Intervals.Measure(Intervals.Subtract(new List<(double, double)> { (span.Start, span.End) }, notWorking));
            busy += cpu;
            waitingForCpu += span.WaitingForCpu ?? 0;
            offCpu += Math.Max(0, span.Duration - cpu - (span.WaitingForCpu ?? 0));
        }
        return busy;
    }
}
