using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Fills each span with what its thread did in it: on a CPU (green), ready but waiting for one (amber), off one (pale
/// red), leaving out recorded waits and sleeps (drawn in their own colours). How much of each a span holds is its own
/// clock split, never the samples' opinion; the samples only say where in the span each part goes.
/// </summary>
/// <remarks>
/// <para>Spans nest. A span's own time (outside the spans inside it) holds its split minus theirs, so every span's
/// outline encloses exactly its split, whether or not it has children.</para>
/// <para>Recorded waits inside a span are taken to be off a CPU first (a thread blocked in a wait the recorder wrapped
/// is not running), except where fine samples inside the wait say otherwise (the wake-up's wait for a CPU lands in
/// the wait, since its end is timed once the thread runs again); the rest of the split is drawn around them.</para>
/// <para>The sampled intervals cut the span's free time into stretches, and <see cref="CpuSplitAllocator"/> spreads the
/// split over them. A coarse interval (the sampler fell behind) or none at all gives the proportional fill.</para>
/// <para>Pieces shorter than <c>resolutionMs</c> are merged, each merged piece listing its states one after the other:
/// finer detail is below what the chart can draw.</para>
/// Where CPU time was not measured at all, a span counts as running, as before.
/// </remarks>
internal static class SpanStateBuilder
{
    /// <summary>Sampled intervals longer than this many sampling intervals are coarse: the sampler fell behind there.</summary>
    private const double CoarseAfterIntervals = 4;

    public static SpanFill Build(TimelineData data, double resolutionMs)
    {
        var fill = new Builder(data, resolutionMs);
        foreach (var thread in data.Segments.GroupBy(s => s.ThreadId))
            fill.AddThread(thread.Key, thread.ToList());
        // Spans are filled inside out; the chart and the tests read the pieces in time order.
        var pieces = fill.Pieces.OrderBy(p => p.ThreadId).ThenBy(p => p.Start).ToList();
        return new SpanFill { Pieces = pieces, SpansWithSplit = fill.SpansWithSplit, SpansInProportion = fill.SpansInProportion };
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

    private sealed class Builder(TimelineData data, double resolutionMs)
    {
        private readonly double _coarseMs = data.Cpu.SampleIntervalMs > 0 ? CoarseAfterIntervals * data.Cpu.SampleIntervalMs : double.PositiveInfinity;
        private List<(double Start, double End)> _waits = new();
        private List<CpuInterval> _intervals = new();
        private int _thread;

        public List<SpanStatePiece> Pieces { get; } = new();
        public int SpansWithSplit { get; private set; }
        public int SpansInProportion { get; private set; }

        public void AddThread(int thread, List<TimelineSegment> segments)
        {
            _thread = thread;
            _waits = Intervals.Union(segments.Where(s => s.State is SegmentState.Blocked or SegmentState.Sleeping).Select(s => (s.Start, s.End)));
            _intervals = data.SampledIntervals.TryGetValue(thread, out var sampled) ? sampled : new List<CpuInterval>();
            foreach (var root in SpanNode.Forest(segments.Where(s => s.State == SegmentState.Running)))
                Fill(root);
        }

        private void Fill(SpanNode node)
        {
            if (!node.HasSplit)
            {
                // Not measured: inside a span counts as running, outside the spans inside it and the recorded waits.
                foreach (var child in node.Children) Fill(child);
                var own = Intervals.Subtract(new List<(double, double)> { (node.Start, node.End) }, Extents(node.Children));
                foreach (var (start, end) in Intervals.Subtract(own, _waits))
                    AddPiece(start, end, SegmentState.Running, node.Segment);
                return;
            }
            var inner = node.NearestWithSplit().ToList();
            foreach (var child in inner) Fill(child);
            var region = Intervals.Subtract(new List<(double, double)> { (node.Start, node.End) }, Extents(inner));
            var length = Intervals.Measure(region);
            if (length <= 0) return;
            var budget = inner.Aggregate(node.Split, (split, child) => split - child.Split).Fitted(length);
            FillRegion(node.Segment, region, budget);
        }

        private static List<(double Start, double End)> Extents(IEnumerable<SpanNode> nodes) =>
            Intervals.Union(nodes.Select(n => (n.Start, n.End)));

        /// <summary>Draws <paramref name="budget"/> (which adds up to the region's length) over the region's time outside recorded waits.</summary>
        private void FillRegion(TimelineSegment span, List<(double Start, double End)> region, CpuSplit budget)
        {
            var free = Intervals.Subtract(region, _waits);
            var freeLength = Intervals.Measure(free);
            if (freeLength <= 1e-12) return;
            var waits = Intervals.Subtract(region, free);
            var hidden = HiddenInWaits(waits, budget);
            var freeBudget = (budget - hidden).Fitted(freeLength);

            var cells = Cells(free);
            var amounts = CpuSplitAllocator.Allocate(cells.Select(c => (c.End - c.Start, c.Sampled)).ToList(), freeBudget);
            SpansWithSplit++;
            // Placed by the samples only where at least two fine samples meet the span's free time and cover most of it.
            var fine = cells.Where(c => c.Fine).ToList();
            if (fine.Select(c => c.Interval).Distinct().Count() < 2 || fine.Sum(c => c.End - c.Start) < freeLength / 2)
                SpansInProportion++;
            Emit(span, cells, amounts);
        }

        /// <summary>
        /// What the recorded waits in a span's own time hold of its split: what fine samples inside them saw, and
        /// for the rest, off a CPU first, then waiting for one, then on one (as far as the split has each).
        /// </summary>
        private CpuSplit HiddenInWaits(List<(double Start, double End)> waits, CpuSplit budget)
        {
            var length = Intervals.Measure(waits);
            if (length <= 0) return default;
            var seen = new CpuSplit();
            foreach (var cell in Cells(waits).Where(c => c.Fine))
                seen += cell.Sampled!.Value.Scaled((cell.End - cell.Start) / cell.Sampled.Value.Total);
            seen = new CpuSplit(Math.Min(seen.OnCpu, budget.OnCpu), Math.Min(seen.WaitingForCpu, budget.WaitingForCpu), Math.Min(seen.OffCpu, budget.OffCpu));
            var rest = Math.Max(0, length - seen.Total);
            var off = Math.Min(rest, budget.OffCpu - seen.OffCpu);
            var waiting = Math.Min(rest - off, budget.WaitingForCpu - seen.WaitingForCpu);
            return seen + new CpuSplit(Math.Max(0, rest - off - waiting), waiting, off);
        }

        private readonly record struct Cell(double Start, double End, CpuSplit? Sampled, bool Fine, int Interval);

        /// <summary>The stretches into which this thread's sampled intervals cut <paramref name="time"/>; gaps between samples have none.</summary>
        private List<Cell> Cells(List<(double Start, double End)> time)
        {
            var cells = new List<Cell>();
            foreach (var (start, end) in time)
            {
                var cursor = start;
                for (var i = CpuEstimates.FirstEndingAfter(_intervals, cursor); i < _intervals.Count && _intervals[i].Start < end && cursor < end; i++)
                {
                    var interval = _intervals[i];
                    if (interval.Start > cursor) cells.Add(new Cell(cursor, interval.Start, null, false, -1));
                    var to = Math.Min(end, interval.End);
                    var from = Math.Max(cursor, interval.Start);
                    if (to > from)
                    {
                        var split = CpuSplit.Of(interval);
                        var pure = Math.Max(split.OnCpu, Math.Max(split.WaitingForCpu, split.OffCpu)) >= 0.95 * interval.Length;
                        cells.Add(new Cell(from, to, split, interval.Length <= _coarseMs || pure, i));
                    }
                    cursor = Math.Max(cursor, to);
                }
                if (cursor < end) cells.Add(new Cell(cursor, end, null, false, -1));
            }
            return cells;
        }

        /// <summary>Draws the stretches' amounts, merging neighbours into pieces of at least the resolution.</summary>
        private void Emit(TimelineSegment span, List<Cell> cells, CpuSplit[] amounts)
        {
            var i = 0;
            while (i < cells.Count)
            {
                double start = cells[i].Start, end = cells[i].End;
                var sum = amounts[i];
                // Neighbours only: a gap (a recorded wait, a span inside) is never bridged.
                while (i + 1 < cells.Count && end - start < resolutionMs && cells[i + 1].Start - end < 1e-9)
                {
                    i++;
                    end = cells[i].End;
                    sum += amounts[i];
                }
                i++;
                DrawMerged(span, start, end, sum);
            }
        }

        /// <summary>One merged stretch: its states one after the other, starting with the state the last piece ended in.</summary>
        private void DrawMerged(TimelineSegment span, double start, double end, CpuSplit amounts)
        {
            var order = new List<int> { 0, 1, 2 };
            if (Pieces.Count > 0 && Pieces[^1].ThreadId == _thread && Math.Abs(Pieces[^1].End - start) < 1e-9)
            {
                var last = Array.IndexOf(CpuSplit.States, Pieces[^1].State);
                if (last >= 0) { order.Remove(last); order.Insert(0, last); }
            }
            var total = amounts.Total;
            var cursor = start;
            var drawn = 0.0;
            foreach (var s in order)
            {
                if (amounts[s] <= 0) continue;
                drawn += amounts[s];
                // The last state ends exactly at the stretch's end, so rounding never leaves a sliver uncovered.
                var to = drawn >= total - 1e-12 ? end : start + (end - start) * drawn / total;
                AddPiece(cursor, to, CpuSplit.States[s], span);
                cursor = to;
            }
        }

        private void AddPiece(double start, double end, SegmentState state, TimelineSegment span)
        {
            if (end <= start) return;
            if (Pieces.Count > 0 && Pieces[^1] is var last && last.ThreadId == _thread && last.State == state
                && ReferenceEquals(last.Span, span) && Math.Abs(last.End - start) < 1e-9)
            {
                Pieces[^1] = last with { End = end };
                return;
            }
            Pieces.Add(new SpanStatePiece(_thread, start, end, state, span));
        }
    }
}
