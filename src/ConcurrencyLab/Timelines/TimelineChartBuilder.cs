using System.Globalization;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Builds the Gantt of a stopped timeline: thread rows ordered by first activity, async operations
/// packed into as few rows as possible, runtime adjustments on a thread-pool row, counters underneath.
/// Very busy timelines are coalesced so the SVG and the Plotly payload stay small enough to display.
/// </summary>
internal static class TimelineChartBuilder
{
    private const int MaxSegmentsDrawn = 4000;

    public static GanttChart Build(TimelineData data, string title, IEnumerable<string> notes)
    {
        var chart = new GanttChart { Title = title };
        chart.Notes.AddRange(notes);
        var laneOf = new Dictionary<int, int>();
        var order = data.Threads
            .OrderBy(t => data.Segments.Where(s => s.ThreadId == t.ManagedId).Select(s => s.Start)
                .Concat(data.Marks.Where(m => m.ThreadId == t.ManagedId).Select(m => m.Time)).DefaultIfEmpty(double.MaxValue).Min())
            .ThenBy(t => t.ManagedId);
        foreach (var thread in order)
        {
            laneOf[thread.ManagedId] = chart.Lanes.Count;
            chart.Lanes.Add(new GanttLane(thread.Label));
        }

        // Coalesce only when needed; then gaps shorter than 1/1500 of the wall time are closed.
        var coalesceGap = data.Segments.Count > MaxSegmentsDrawn ? data.WallMs / 1500 : -1;
        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            if (!laneOf.TryGetValue(thread.Key, out var lane)) continue;
            // Running first, so blocked and sleeping bars are drawn on top of the spans that contain them.
            foreach (var state in new[] { SegmentState.Running, SegmentState.Blocked, SegmentState.Sleeping })
                chart.Lanes[lane].Segments.AddRange(SegmentsFor(thread.Where(s => s.State == state).ToList(), state, coalesceGap));
        }

        foreach (var mark in data.Marks)
            if (laneOf.TryGetValue(mark.ThreadId, out var lane))
                chart.Markers.Add(new GanttMarker(lane, mark.Time, mark.Label));
        foreach (var flow in data.Flows)
            if (laneOf.TryGetValue(flow.FromThreadId, out var from) && laneOf.TryGetValue(flow.ToThreadId, out var to))
                chart.Flows.Add(new GanttFlow(from, flow.FromTime, to, flow.ToTime, flow.Label));

        AddAsyncLanes(chart, data, laneOf);
        AddThreadPool(chart, data);
        foreach (var counter in data.Counters)
            chart.Counters.Add(new CounterLane(counter.Name) { Points = counter.Points.ToList() });
        return chart;
    }

    private static IEnumerable<GanttSegment> SegmentsFor(List<TimelineSegment> segments, SegmentState state, double coalesceGap)
    {
        if (coalesceGap < 0)
            return segments.Select(s => new GanttSegment(s.Start, s.End, state, s.Label));
        return Intervals.Union(segments.Select(s => (s.Start, s.End)), coalesceGap)
            .Select(i => new GanttSegment(i.Start, i.End, state, string.Format(CultureInfo.InvariantCulture,
                "{0} spans merged for display", segments.Count(s => s.Start >= i.Start && s.End <= i.End))));
    }

    private static void AddAsyncLanes(GanttChart chart, TimelineData data, Dictionary<int, int> laneOf)
    {
        // Greedy packing: an operation goes to the first async row that is free when it starts.
        var rows = new List<List<TimelineAsyncOperation>>();
        foreach (var op in data.AsyncOperations)
        {
            var row = rows.FindIndex(ops => ops[^1].End <= op.Start);
            if (row < 0) rows.Add(new List<TimelineAsyncOperation>());
            rows[row < 0 ? rows.Count - 1 : row].Add(op);
        }

        var firstRow = chart.Lanes.Count;
        var usedLabels = new HashSet<string>(chart.Lanes.Select(l => l.Label));
        for (var row = 0; row < rows.Count; row++)
        {
            // A row holding one operation is named after it, so the reader needs no hover to tell rows apart.
            var label = rows[row].Count == 1 ? Shorten(rows[row][0].Label) : null;
            if (label is null || !usedLabels.Add(label))
                label = $"async {row + 1}";
            usedLabels.Add(label);
            chart.Lanes.Add(new GanttLane(label));
        }

        for (var row = 0; row < rows.Count; row++)
        {
            var lane = firstRow + row;
            foreach (var op in rows[row])
            {
                chart.Lanes[lane].Segments.Add(new GanttSegment(op.Start, op.End, SegmentState.Async, op.Label));
                if (laneOf.TryGetValue(op.StartThreadId, out var startLane))
                    chart.Flows.Add(new GanttFlow(startLane, op.Start, lane, op.Start, "started " + op.Label));
                var (resumeThread, resumeTime) = op.ResumeThreadId is { } r ? (r, op.ResumeTime ?? op.End) : (op.EndThreadId, op.End);
                if (laneOf.TryGetValue(resumeThread, out var endLane))
                    chart.Flows.Add(new GanttFlow(lane, op.End, endLane, resumeTime, "continued " + op.Label));
            }
        }
    }

    // Row labels share a fixed left margin with thread names.
    private static string Shorten(string label) => label.Length <= 24 ? label : label[..23] + "…";

    private static void AddThreadPool(GanttChart chart, TimelineData data)
    {
        if (data.Adjustments.Count > 0)
        {
            var lane = chart.Lanes.Count;
            chart.Lanes.Add(new GanttLane("thread pool (runtime)"));
            foreach (var a in data.Adjustments)
                chart.Markers.Add(new GanttMarker(lane, a.Time, $"workers → {a.NewWorkerThreadCount} ({a.Reason})"));
        }
        if (data.Samples.Count == 0) return;
        var threads = new CounterLane("pool threads");
        var queue = new CounterLane("queued work items");
        foreach (var s in data.Samples)
        {
            threads.Points.Add(new CounterPoint(s.Time, s.ThreadCount));
            queue.Points.Add(new CounterPoint(s.Time, s.PendingWorkItems));
        }
        chart.Counters.Add(threads);
        chart.Counters.Add(queue);
    }
}
