using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Fills each thread's outermost spans with what the thread did in them, leaving out recorded waits and sleeps
/// (drawn in their own colours): where thread states were sampled, their states; in a span too short for the
/// sampler (under two intervals), or without samples, the span's own CPU time decides (running if at least half);
/// where CPU time was not measured at all, the span counts as running, as before.
/// </summary>
internal static class SpanStateBuilder
{
    public static List<SpanStatePiece> Build(TimelineData data)
    {
        var pieces = new List<SpanStatePiece>();
        var statesByThread = data.ThreadStates.GroupBy(s => s.ThreadId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList());
        var shortSpan = 2 * data.Cpu.SampleIntervalMs;
        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            var waits = Intervals.Union(thread.Where(s => s.State is SegmentState.Blocked or SegmentState.Sleeping).Select(s => (s.Start, s.End)));
            statesByThread.TryGetValue(thread.Key, out var states);
            foreach (var span in Outermost(thread.Where(s => s.State == SegmentState.Running)))
            {
                var free = Intervals.Subtract(new List<(double, double)> { (span.Start, span.End) }, waits);
                var freeLength = Intervals.Measure(free);
                if (freeLength <= 0) continue;
                var useStates = states is { Count: > 0 } && !(span.OnCpu is not null && span.Duration < shortSpan);
                foreach (var (start, end) in free)
                {
                    if (useStates)
                        AddFromStates(pieces, span, states!, start, end, OwnState(span, freeLength));
                    else
                        pieces.Add(new SpanStatePiece(span.ThreadId, start, end, OwnState(span, freeLength), span));
                }
            }
        }
        return pieces;
    }

    /// <summary>Spans not inside an earlier, longer span of the same thread (using blocks nest, so this is the top level).</summary>
    public static IEnumerable<TimelineSegment> Outermost(IEnumerable<TimelineSegment> running)
    {
        TimelineSegment? outer = null;
        foreach (var span in running.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (outer is not null && span.End <= outer.End) continue;
            outer = span;
            yield return span;
        }
    }

    private static SegmentState OwnState(TimelineSegment span, double freeLength)
    {
        if (span.OnCpu is not { } cpu) return SegmentState.Running;
        if (cpu >= freeLength / 2) return SegmentState.Running;
        var waiting = span.WaitingForCpu ?? 0;
        return waiting > 0 && waiting >= freeLength - cpu - waiting ? SegmentState.Runnable : SegmentState.OffCpu;
    }

    private static void AddFromStates(List<SpanStatePiece> pieces, TimelineSegment span, List<TimelineThreadState> states,
        double start, double end, SegmentState uncovered)
    {
        var cursor = start;
        int lo = 0, hi = states.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (states[mid].End <= cursor) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < states.Count; i++)
        {
            var state = states[i];
            if (state.Start >= end) break;
            var from = Math.Max(cursor, state.Start);
            // Before the first sample of this thread (or in a gap), the span's own figures decide.
            if (from > cursor) pieces.Add(new SpanStatePiece(span.ThreadId, cursor, from, uncovered, span));
            var to = Math.Min(end, state.End);
            if (to > from) pieces.Add(new SpanStatePiece(span.ThreadId, from, to, state.State, span));
            cursor = to;
            if (cursor >= end) break;
        }
        if (cursor < end) pieces.Add(new SpanStatePiece(span.ThreadId, cursor, end, uncovered, span));
    }
}
