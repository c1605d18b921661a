namespace ConcurrencyLab.Timelines;

/// <summary>
/// Estimates from the sampled intervals of a thread what a stretch of it spent on a CPU and waiting for one, for spans
/// that did not read their own figures: each interval counts in proportion to how much of it the stretch covers.
/// </summary>
internal static class CpuEstimates
{
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

    /// <summary>Index of the first interval (sorted by start, not overlapping) that ends after <paramref name="time"/>.</summary>
    public static int FirstEndingAfter(List<CpuInterval> intervals, double time)
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
