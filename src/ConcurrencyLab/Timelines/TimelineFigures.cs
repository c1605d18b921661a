using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Derived figures. A thread is busy while inside a span and not blocked or sleeping (blocked time
/// inside a span does not count as work); nested spans are not counted twice.
/// </summary>
internal sealed class TimelineFigures
{
    public required double WallMs { get; init; }
    public required IReadOnlyDictionary<int, double> BusyMsByThread { get; init; }
    public required IReadOnlyDictionary<int, double> BlockedMsByThread { get; init; }
    public required IReadOnlyDictionary<BlockCause, double> BlockedMsByCause { get; init; }
    public required double SleepingMs { get; init; }
    public required int MaxConcurrency { get; init; }

    public double TotalBusyMs => BusyMsByThread.Values.Sum();
    public double AverageParallelism => WallMs > 0 ? TotalBusyMs / WallMs : 0;

    public static TimelineFigures Compute(TimelineData data)
    {
        var busyByThread = new Dictionary<int, double>();
        var blockedByThread = new Dictionary<int, double>();
        var blockedByCause = new Dictionary<BlockCause, double>();
        var allBusy = new List<(double Start, double End)>();
        double sleeping = 0;

        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            List<(double, double)> UnionOf(SegmentState state) =>
                Intervals.Union(thread.Where(s => s.State == state).Select(s => (s.Start, s.End)));
            var blocked = UnionOf(SegmentState.Blocked);
            var asleep = UnionOf(SegmentState.Sleeping);
            var notWorking = Intervals.Union(blocked.Concat(asleep));
            var busy = Intervals.Subtract(UnionOf(SegmentState.Running), notWorking);
            busyByThread[thread.Key] = Intervals.Measure(busy);
            blockedByThread[thread.Key] = Intervals.Measure(blocked);
            sleeping += Intervals.Measure(asleep);
            allBusy.AddRange(busy);
            foreach (var cause in thread.Where(s => s.State == SegmentState.Blocked).GroupBy(s => s.Cause ?? BlockCause.Other))
            {
                var ms = Intervals.Measure(Intervals.Union(cause.Select(s => (s.Start, s.End))));
                blockedByCause[cause.Key] = blockedByCause.GetValueOrDefault(cause.Key) + ms;
            }
        }

        return new TimelineFigures
        {
            WallMs = data.WallMs,
            BusyMsByThread = busyByThread,
            BlockedMsByThread = blockedByThread,
            BlockedMsByCause = blockedByCause,
            SleepingMs = sleeping,
            MaxConcurrency = Intervals.MaxOverlap(allBusy),
        };
    }
}
