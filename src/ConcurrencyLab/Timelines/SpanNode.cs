namespace ConcurrencyLab.Timelines;

/// <summary>
/// A span (or lock hold) of one thread with the spans inside it. <see cref="Start"/> is later than the segment's own
/// start only where the span overlapped an earlier one without being inside it (the earlier one keeps the shared time).
/// </summary>
internal sealed class SpanNode(TimelineSegment segment, double start)
{
    public TimelineSegment Segment { get; } = segment;
    public double Start { get; } = start;
    public double End => Segment.End;
    public double Length => End - Start;
    public List<SpanNode> Children { get; } = new();

    /// <summary>Whether the span knows its own split (read from its thread's CPU clock, or estimated from samples).</summary>
    public bool HasSplit => Segment.OnCpu is not null;

    /// <summary>The span's split, in proportion to the part of it this node covers.</summary>
    public CpuSplit Split => Segment.Duration > 0 ? CpuSplit.Of(Segment).Scaled(Length / Segment.Duration) : default;

    /// <summary>The spans of one thread, nested: using blocks nest, so each span lies inside the one opened before it, or after it.</summary>
    public static List<SpanNode> Forest(IEnumerable<TimelineSegment> running)
    {
        var roots = new List<SpanNode>();
        var open = new Stack<SpanNode>();
        foreach (var span in running.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            var start = span.Start;
            while (open.Count > 0 && open.Peek().End <= start) open.Pop();
            while (open.Count > 0 && open.Peek().End < span.End) start = Math.Max(start, open.Pop().End);
            var node = new SpanNode(span, start);
            (open.Count > 0 ? open.Peek().Children : roots).Add(node);
            open.Push(node);
        }
        return roots;
    }

    /// <summary>
    /// The spans inside this one that know their own split, looking through those that do not (whose time then
    /// belongs to this span's fill).
    /// </summary>
    public IEnumerable<SpanNode> NearestWithSplit()
    {
        foreach (var child in Children)
        {
            if (child.HasSplit) yield return child;
            else
                foreach (var inner in child.NearestWithSplit()) yield return inner;
        }
    }
}
