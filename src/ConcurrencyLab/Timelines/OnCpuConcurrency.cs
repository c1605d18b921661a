namespace ConcurrencyLab.Timelines;

/// <summary>
/// The most threads that were on a CPU at one instant, as far as measured CPU time proves it. Nothing records instants,
/// only how much CPU time a thread had within a stretch of time (a span from its own clock, or between two samples).
/// So the count is a lower bound by pigeonhole: if threads had more than k × w ms of CPU time inside a window of w ms,
/// then at some instant in it more than k of them ran at once. It never exceeds the cores there were (they cannot
/// run more than cores × w ms in w ms) and it is at least 1 wherever any CPU time was measured.
/// </summary>
/// <remarks>
/// A stretch's CPU time counts in a window only as far as the window must contain it: all of it when the stretch lies
/// inside, less the part of the stretch outside the window otherwise (that much could have been spent there).
/// Windows are the stretches themselves. Stretches of one thread must not overlap (its spans at the top level, or its
/// samples), and spans and samples are counted apart: both describe the same CPU time.
/// </remarks>
internal static class OnCpuConcurrency
{
    /// <summary>Stretches of CPU time: (start, end, ms on a CPU inside [start, end]).</summary>
    public static int AtLeast(IEnumerable<(double Start, double End, double OnCpu)> stretches)
    {
        var items = stretches.Where(s => s.OnCpu > 0 && s.End > s.Start).OrderBy(s => s.Start).ToList();
        if (items.Count == 0) return 0;
        var most = 1;
        var open = new List<(double Start, double End, double OnCpu)>();
        var next = 0;
        foreach (var window in items)
        {
            // The stretches that began by the window's start and still run (a thread's stretches do not overlap, so
            // there are at most as many as threads), then the ones beginning inside it.
            while (next < items.Count && items[next].Start <= window.Start) open.Add(items[next++]);
            open.RemoveAll(s => s.End <= window.Start);
            var inside = open.Sum(s => Within(s, window));
            for (var i = next; i < items.Count && items[i].Start < window.End; i++) inside += Within(items[i], window);
            // Rounding in the sum must not add a thread: 1e-9 of the window is far below any clock's resolution.
            most = Math.Max(most, (int)Math.Ceiling(inside / (window.End - window.Start) - 1e-9));
        }
        return most;
    }

    private static double Within((double Start, double End, double OnCpu) stretch, (double Start, double End, double OnCpu) window)
    {
        var outside = Math.Max(0, window.Start - stretch.Start) + Math.Max(0, stretch.End - window.End);
        return Math.Max(0, stretch.OnCpu - outside);
    }
}
