using System.Globalization;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Builds the Gantt of a stopped timeline: thread rows ordered by first activity, each span an outline filled with
/// what its thread did (running, ready, off CPU; recorded waits and sleeps in their own colours), async operations
/// packed into as few rows as possible and named after what they run, runtime adjustments on a thread-pool row,
/// counters underneath. Very busy timelines are coalesced so the SVG and the Plotly payload stay small enough to display.
/// </summary>
internal static class TimelineChartBuilder
{
    private const int MaxSegmentsDrawn = 4000;
    private const double CoarseFillPieces = 150;
    private const int MaxRowLabel = 40;

    public static GanttChart Build(TimelineData data, string title, IEnumerable<string> notes)
    {
        var chart = new GanttChart { Title = title, Subtitle = Subtitle(data) };
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

        // Coalesce only when needed: the fill is then drawn coarser, and recorded waits' gaps shorter than 1/1500 of
        // the wall time are closed. A fill piece is never stretched over another: each keeps the time it holds.
        var pieces = data.SpanStates;
        var coalesce = pieces.Count + data.Segments.Count > MaxSegmentsDrawn;
        if (coalesce)
            pieces = SpanStateBuilder.Build(data, data.WallMs / CoarseFillPieces).Pieces;
        var coalesceGap = coalesce ? data.WallMs / 1500 : -1;
        foreach (var thread in pieces.GroupBy(p => p.ThreadId))
        {
            if (!laneOf.TryGetValue(thread.Key, out var lane)) continue;
            var drawn = coalesce ? MergedForDisplay(thread.ToList(), coalesceGap) : thread.Select(p => new GanttSegment(p.Start, p.End, p.State, p.Span.Label));
            chart.Lanes[lane].Segments.AddRange(drawn.OrderBy(g => g.State).ThenBy(g => g.Start));
        }
        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
        {
            if (!laneOf.TryGetValue(thread.Key, out var lane)) continue;
            // Recorded waits and sleeps after the running pieces, so they are drawn on top.
            foreach (var state in new[] { SegmentState.Blocked, SegmentState.Sleeping })
                chart.Lanes[lane].Segments.AddRange(Bars(thread.Where(s => s.State == state).Select(s => (s.Start, s.End, s.Label)).ToList(), state, coalesceGap));
            if (coalesceGap < 0)
                chart.Lanes[lane].Spans.AddRange(thread.Where(s => s.State == SegmentState.Running)
                    .Select(s => new GanttSpan(s.Start, s.End, s.Label) { Detail = CpuDetail(s) }));
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

    /// <summary>
    /// How running was told from waiting, under the title: how CPU time was measured (or that it was not), then how
    /// the spans' fill was drawn: from each span's own split, placed by the samples or, where they could not, in proportion.
    /// </summary>
    internal static string Subtitle(TimelineData data)
    {
        if (!data.Figures.CpuMeasured && data.ThreadStates.Count == 0)
            return data.Cpu.Note + "; green means inside a span, not necessarily on a CPU";
        var fill = data.Fill;
        if (fill.SpansWithSplit == 0) return data.Cpu.Note;
        const string split = "fill: each span's own split (on CPU / waiting for a CPU / off CPU)";
        var how = !data.Cpu.Sampled ? ", in proportion (no thread-state samples)"
            : fill.SpansInProportion == 0 ? ", placed by the samples"
            : fill.SpansInProportion == fill.SpansWithSplit ? ", in proportion (too few samples inside the spans)"
            : string.Format(CultureInfo.InvariantCulture, ", placed by the samples; {0} of {1} spans in proportion (too few samples inside)",
                fill.SpansInProportion, fill.SpansWithSplit);
        return data.Cpu.Note + "\n" + split + how;
    }

    private static string? CpuDetail(TimelineSegment span)
    {
        if (span.OnCpu is not { } cpu) return null;
        var c = CultureInfo.InvariantCulture;
        var share = span.Duration > 0 ? cpu / span.Duration : 0;
        var text = string.Format(c, "on CPU {0:0.###} of {1:0.###} ms ({2:0%})", cpu, span.Duration, share);
        if (span.WaitingForCpu is { } waiting && waiting > 0)
            text += string.Format(c, ", waiting for a CPU {0:0.###} ms", waiting);
        return text;
    }

    /// <summary>
    /// A thread's fill pieces (in time order) drawn coarser: pieces closer than <paramref name="gap"/> and within one
    /// run of about that length are drawn as one stretch holding the same amount of each state, one state after the
    /// other from the run's start. Every state keeps exactly the time it holds; only where inside the run moves, by
    /// less than the run's length (below what the chart can draw apart).
    /// </summary>
    internal static IEnumerable<GanttSegment> MergedForDisplay(IReadOnlyList<SpanStatePiece> pieces, double gap)
    {
        var i = 0;
        while (i < pieces.Count)
        {
            var first = i;
            var end = pieces[i].End;
            while (i + 1 < pieces.Count && pieces[i + 1].Start - end <= gap && end - pieces[first].Start < gap)
                end = Math.Max(end, pieces[++i].End);
            var run = pieces.Skip(first).Take(i - first + 1).ToList();
            i++;
            if (run.Count == 1)
            {
                yield return new GanttSegment(run[0].Start, run[0].End, run[0].State, run[0].Span.Label);
                continue;
            }
            var label = string.Format(CultureInfo.InvariantCulture, "{0} spans merged for display",
                run.Select(p => p.Span).Distinct(ReferenceEqualityComparer.Instance).Count());
            var cursor = run[0].Start;
            foreach (var state in CpuSplit.States)
            {
                var amount = run.Where(p => p.State == state).Sum(p => p.End - p.Start);
                if (amount <= 0) continue;
                yield return new GanttSegment(cursor, cursor + amount, state, label);
                cursor += amount;
            }
        }
    }

    private static IEnumerable<GanttSegment> Bars(List<(double Start, double End, string Label)> bars, SegmentState state, double coalesceGap)
    {
        if (coalesceGap < 0)
            return bars.Select(b => new GanttSegment(b.Start, b.End, state, b.Label));
        return Intervals.Union(bars.Select(b => (b.Start, b.End)), coalesceGap)
            .Select(i => new GanttSegment(i.Start, i.End, state, string.Format(CultureInfo.InvariantCulture,
                "{0} spans merged for display", bars.Count(b => b.Start >= i.Start && b.End <= i.End))));
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
        foreach (var label in AsyncRowLabels(rows.Select(r => (IReadOnlyList<string>)r.Select(o => o.Label).ToList()).ToList(), usedLabels))
            chart.Lanes.Add(new GanttLane(label));

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

    /// <summary>
    /// One label per async row, each distinct from every other row's: what the row runs (<see cref="RowLabel"/>) and,
    /// where other rows run alike, its number among the async rows ("GET /page… (4 ops) #2"), so no two rows read the
    /// same (a Plotly category axis would even merge rows of the same name into one).
    /// </summary>
    internal static List<string> AsyncRowLabels(IReadOnlyList<IReadOnlyList<string>> rows, ISet<string> used)
    {
        var names = rows.Select(RowLabel).ToList();
        var labels = new List<string>();
        for (var row = 0; row < rows.Count; row++)
        {
            var name = names[row];
            var label = names.Count(n => n == name) > 1 ? Shorten(name, MaxRowLabel - 5) + $" #{row + 1}" : name;
            // A thread's row of the same name (a thread named like an operation) is told apart too.
            for (var n = 2; !used.Add(label); n++)
                label = Shorten(name, MaxRowLabel - 12) + $" #{row + 1} ({n})";
            labels.Add(label);
        }
        return labels;
    }

    /// <summary>
    /// The label of an async row: its one operation; the operation and a count when it repeats; the words its
    /// operations share and a count ("GET /page… (4 ops)"); else the first two and how many more.
    /// </summary>
    internal static string RowLabel(IReadOnlyList<string> operations)
    {
        var distinct = operations.Distinct().ToList();
        if (distinct.Count == 1)
            return operations.Count == 1 ? Shorten(distinct[0], MaxRowLabel) : Shorten(distinct[0], MaxRowLabel - 6) + $" ×{operations.Count}";
        var prefix = CommonPrefix(distinct);
        if (prefix.Length >= 3)
            return Shorten(prefix, MaxRowLabel - 12) + $"… ({operations.Count} ops)";
        var more = operations.Count - 2;
        var two = Shorten(distinct[0], 16) + ", " + Shorten(distinct[1], 16);
        return more > 0 ? $"{two} +{more}" : two;
    }

    private static string CommonPrefix(IReadOnlyList<string> labels)
    {
        var prefix = labels[0];
        foreach (var label in labels.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < label.Length && prefix[n] == label[n]) n++;
            prefix = prefix[..n];
        }
        // Cut back to a word or number boundary, so "fetch 1" and "fetch 12" share "fetch", not "fetch 1".
        var cut = prefix.Length;
        while (cut > 0 && labels.Any(l => l.Length > cut && char.IsLetterOrDigit(l[cut]) && char.IsLetterOrDigit(l[cut - 1]))) cut--;
        return prefix[..cut].TrimEnd(' ', ':', '-', '#', '/', '(');
    }

    private static string Shorten(string label, int max) => label.Length <= max ? label : label[..(max - 1)] + "…";

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
