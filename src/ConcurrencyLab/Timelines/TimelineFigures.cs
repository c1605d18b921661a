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
    public required ConcurrencyBasis MaxConcurrencyBasis { get; init; }
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
        var (maxConcurrency, basis) = cpuMeasured ? ThreadsOnCpuAtOnce(data) : (maxInSpans, ConcurrencyBasis.ThreadsInSpans);
        // Time on a CPU at all proves one thread ran at some instant, even where it is only the samples' estimate
        // (which proves nothing finer): a measured figure of 0 beside on-CPU time would contradict itself.
        if (cpuMeasured && maxConcurrency == 0 && busyByThread.Values.Sum() > 0)
            (maxConcurrency, basis) = (1, ConcurrencyBasis.Samples);
        return new TimelineFigures
        {
            WallMs = data.WallMs,
            BusyMsByThread = busyByThread,
            BlockedMsByThread = blockedByThread,
            BlockedMsByCause = blockedByCause,
            SleepingMs = sleeping,
            MaxConcurrency = maxConcurrency,
            MaxConcurrencyBasis = basis,
            MaxThreadsInSpans = maxInSpans,
            CpuMeasured = cpuMeasured,
            WaitingForCpuMs = waitingForCpu,
            OffCpuMs = offCpu,
        };
    }

    /// <summary>
    /// Threads on a CPU at once inside spans, at least, by what proves more: the samples (fine where the sampler kept
    /// up), or the spans' own clocks (exact amounts over longer stretches). See <see cref="OnCpuConcurrency"/>.
    /// </summary>
    private static (int, ConcurrencyBasis) ThreadsOnCpuAtOnce(TimelineData data)
    {
        var spans = new List<(double, double, double)>();
        var samples = new List<(double, double, double)>();
        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            var outermost = SpanStateBuilder.Outermost(thread.Where(s => s.State == SegmentState.Running)).ToList();
            // A figure estimated from the samples is their share, not a measured amount: the samples count it themselves.
            spans.AddRange(outermost.Where(s => s.OnCpu is not null && !s.IsCpuEstimated).Select(s => (s.Start, s.End, s.OnCpu!.Value)));
            if (data.SampledIntervals.TryGetValue(thread.Key, out var intervals))
                samples.AddRange(InSpans(intervals, Intervals.Union(outermost.Select(s => (s.Start, s.End)))));
        }
        var bySamples = OnCpuConcurrency.AtLeast(samples);
        var bySpans = OnCpuConcurrency.AtLeast(spans);
        return bySamples >= bySpans && bySamples > 0 ? (bySamples, ConcurrencyBasis.Samples) : (bySpans, ConcurrencyBasis.SpanClocks);
    }

    /// <summary>The CPU time of each sampled interval that must have been spent inside the thread's spans.</summary>
    private static IEnumerable<(double, double, double)> InSpans(List<CpuInterval> intervals, List<(double Start, double End)> spans)
    {
        var s = 0;
        foreach (var interval in intervals)
        {
            if (interval.OnCpu <= 0) continue;
            while (s < spans.Count && spans[s].End <= interval.OuterStart) s++;
            for (var k = s; k < spans.Count && spans[k].Start < interval.OuterEnd; k++)
            {
                double from = Math.Max(interval.OuterStart, spans[k].Start), to = Math.Min(interval.OuterEnd, spans[k].End);
                var outside = interval.OuterEnd - interval.OuterStart - (to - from);
                if (to > from && interval.OnCpu > outside) yield return (from, to, interval.OnCpu - outside);
            }
        }
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
