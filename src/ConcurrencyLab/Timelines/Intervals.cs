namespace ConcurrencyLab.Timelines;

/// <summary>Interval arithmetic on sorted, disjoint lists of [start, end) pairs, for the derived figures.</summary>
internal static class Intervals
{
    public static List<(double Start, double End)> Union(IEnumerable<(double Start, double End)> intervals, double joinGap = 0)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var (start, end) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End + joinGap)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            else
                merged.Add((start, end));
        }
        return merged;
    }

    /// <summary><paramref name="from"/> minus <paramref name="remove"/>; both sorted and disjoint.</summary>
    public static List<(double Start, double End)> Subtract(List<(double Start, double End)> from, List<(double Start, double End)> remove)
    {
        var result = new List<(double Start, double End)>();
        var r = 0;
        foreach (var (start, end) in from)
        {
            var cursor = start;
            while (r < remove.Count && remove[r].End <= cursor) r++;
            for (var k = r; k < remove.Count && remove[k].Start < end; k++)
            {
                if (remove[k].Start > cursor) result.Add((cursor, remove[k].Start));
                cursor = Math.Max(cursor, remove[k].End);
            }
            if (cursor < end) result.Add((cursor, end));
        }
        return result;
    }

    public static double Measure(IEnumerable<(double Start, double End)> disjoint) => disjoint.Sum(i => i.End - i.Start);

    /// <summary>Most intervals open at one instant; an interval ending where another starts does not overlap it.</summary>
    public static int MaxOverlap(IEnumerable<(double Start, double End)> intervals)
    {
        var edges = new List<(double Time, int Delta)>();
        foreach (var (start, end) in intervals)
        {
            if (end <= start) continue;
            edges.Add((start, +1));
            edges.Add((end, -1));
        }
        edges.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Delta.CompareTo(b.Delta));
        int open = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            open += delta;
            max = Math.Max(max, open);
        }
        return max;
    }
}
