using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Gives running segments the wait for a CPU from the sampled intervals of their thread, and CPU time too where the
/// span did not read its own clock: each interval counts in proportion to how much of it the segment covers.
/// </summary>
internal static class CpuEstimates
{
    public static List<TimelineSegment> Fill(List<TimelineSegment> segments, IReadOnlyDictionary<int, List<CpuInterval>> intervalsByThread)
    {
        if (intervalsByThread.Count == 0) return segments;
        var result = new List<TimelineSegment>(segments.Count);
        foreach (var segment in segments)
        {
            if (segment.State != SegmentState.Running || !intervalsByThread.TryGetValue(segment.ThreadId, out var intervals) || intervals.Count == 0)
            {
                result.Add(segment);
                continue;
            }
            var (cpu, waiting, covered) = Overlap(intervals, segment.Start, segment.End);
            if (covered <= 0)
            {
                result.Add(segment);
                continue;
            }
            var onCpu = segment.OnCpu ?? cpu;
            // A span that read its own wait for a CPU keeps it: it is exact, the samples are an estimate.
            result.Add(segment with { OnCpu = onCpu, WaitingForCpu = segment.WaitingForCpu ?? Math.Clamp(waiting, 0, Math.Max(0, segment.Duration - onCpu)) });
        }
        return result;
    }

    /// <summary>CPU time, wait for a CPU and covered time of the intervals over [start, end), intervals sorted by start.</summary>
    public static (double Cpu, double Waiting, double Covered) Overlap(List<CpuInterval> intervals, double start, double end)
    {
        double cpu = 0, waiting = 0, covered = 0;
        var first = FirstEndingAfter(intervals, start);
        for (var i = first; i < intervals.Count && intervals[i].Start < end; i++)
        {
            var interval = intervals[i];
            var overlap = Math.Min(end, interval.End) - Math.Max(start, interval.Start);
            if (overlap <= 0) continue;
            var share = overlap / interval.Length;
            cpu += interval.OnCpu * share;
            waiting += interval.WaitingForCpu * share;
            covered += overlap;
        }
        return (cpu, waiting, covered);
    }

    private static int FirstEndingAfter(List<CpuInterval> intervals, double time)
    {
        int lo = 0, hi = intervals.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (intervals[mid].End <= time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
