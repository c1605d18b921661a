using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>
/// A span's fill holds exactly its own clock split (on a CPU / waiting for one / off one); the samples only say where
/// inside the span each part goes. Synthetic spans and samples: nothing here depends on the machine.
/// </summary>
public class SpanFillTests
{
    private static readonly TimelineThread Main = new(1, "main", false, false);

    private static double Drawn(GanttLane lane, SegmentState state) => lane.Segments.Where(s => s.State == state).Sum(s => s.Duration);

    private static double Drawn(GanttLane lane, SegmentState state, double from, double to) =>
        lane.Segments.Where(s => s.State == state).Sum(s => Math.Max(0, Math.Min(to, s.End) - Math.Max(from, s.Start)));

    /// <summary>The drawn row of one span on thread 1, with the thread states the sampler would have seen.</summary>
    private static GanttLane FillOf(TimelineSegment span, params TimelineThreadState[] states) =>
        Assert.Single(Timeline.Create(new[] { Main }, new[] { span }, threadStates: states).ToGanttChart().Lanes);

    [Fact]
    public void The_allocator_gives_each_state_exactly_its_split_and_puts_it_where_the_samples_saw_it()
    {
        // Samples: on a CPU for the first 10 ms, off it for the next 10. The split: only 5 ms on a CPU.
        var cells = new List<(double, CpuSplit?)> { (10, new CpuSplit(10, 0, 0)), (10, new CpuSplit(0, 0, 10)) };

        var amounts = CpuSplitAllocator.Allocate(cells, new CpuSplit(5, 0, 15));

        Assert.Equal(5, amounts.Sum(a => a.OnCpu), 9);
        Assert.Equal(15, amounts.Sum(a => a.OffCpu), 9);
        Assert.Equal(0, amounts.Sum(a => a.WaitingForCpu), 9);
        // Every stretch keeps its length; the on-CPU time stays in the stretch the samples saw running.
        Assert.Equal(10, amounts[0].Total, 9);
        Assert.Equal(10, amounts[1].Total, 9);
        Assert.Equal(5, amounts[0].OnCpu, 9);
        Assert.Equal(0, amounts[1].OnCpu, 9);
    }

    [Fact]
    public void Where_the_samples_agree_with_the_split_nothing_moves()
    {
        var cells = new List<(double, CpuSplit?)> { (4, new CpuSplit(4, 0, 0)), (2, new CpuSplit(0, 2, 0)), (4, new CpuSplit(0, 0, 4)) };

        var amounts = CpuSplitAllocator.Allocate(cells, new CpuSplit(4, 2, 4));

        Assert.Equal(new[] { new CpuSplit(4, 0, 0), new CpuSplit(0, 2, 0), new CpuSplit(0, 0, 4) }, amounts);
    }

    [Fact]
    public void Without_samples_the_allocator_fills_in_proportion_to_the_split()
    {
        var cells = new List<(double, CpuSplit?)> { (6, null), (4, null) };

        var amounts = CpuSplitAllocator.Allocate(cells, new CpuSplit(5, 2.5, 2.5));

        Assert.Equal(new CpuSplit(3, 1.5, 1.5), amounts[0]);
        Assert.Equal(new CpuSplit(2, 1, 1), amounts[1]);
    }

    /// <summary>
    /// The review's cases: a worker sampled as running all along whose own clock says 12.6 of 20 ms off a CPU; a span
    /// 96% on a CPU sampled as off one. Each is drawn with its own split, whatever the samples said.
    /// </summary>
    [Theory]
    [InlineData(20, 7.4, SegmentState.Running)]
    [InlineData(50, 48, SegmentState.OffCpu)]
    public void A_span_is_drawn_with_its_own_split_whatever_the_samples_said(double length, double onCpu, SegmentState sampled)
    {
        var half = length / 2;
        var sampledCpu = sampled == SegmentState.Running ? half : 0;
        var lane = FillOf(new TimelineSegment(1, 0, length, SegmentState.Running, "worker") { OnCpu = onCpu },
            new TimelineThreadState(1, 0, half, sampled, sampledCpu, 0), new TimelineThreadState(1, half, length, sampled, sampledCpu, 0));

        Assert.Equal(onCpu, Drawn(lane, SegmentState.Running), 9);
        Assert.Equal(length - onCpu, Drawn(lane, SegmentState.OffCpu), 9);
    }

    [Fact]
    public void Samples_decide_where_inside_the_span_each_state_goes()
    {
        // Running for the first 10 ms, waiting for a CPU for 5, then off a CPU: the split agrees on the amounts.
        var lane = FillOf(new TimelineSegment(1, 0, 30, SegmentState.Running, "work") { OnCpu = 10, WaitingForCpu = 5 },
            new TimelineThreadState(1, 0, 10, SegmentState.Running, 10, 0),
            new TimelineThreadState(1, 10, 15, SegmentState.Runnable, 0, 5),
            new TimelineThreadState(1, 15, 30, SegmentState.OffCpu, 0, 0));

        Assert.Equal(10, Drawn(lane, SegmentState.Running, 0, 10), 9);
        Assert.Equal(5, Drawn(lane, SegmentState.Runnable, 10, 15), 9);
        Assert.Equal(15, Drawn(lane, SegmentState.OffCpu, 15, 30), 9);
    }

    [Fact]
    public void A_child_spans_time_is_drawn_once_and_its_parent_holds_the_rest_of_its_split()
    {
        // The parent was 20 of 30 ms on a CPU; 10 of them inside its child, which was on a CPU all along.
        var parent = new TimelineSegment(1, 0, 30, SegmentState.Running, "request") { OnCpu = 20 };
        var child = new TimelineSegment(1, 10, 20, SegmentState.Running, "parse") { OnCpu = 10 };
        var timeline = Timeline.Create(new[] { Main }, new[] { parent, child });

        var lane = Assert.Single(timeline.ToGanttChart().Lanes);

        // Nothing drawn twice: the pieces add up to the parent's length, and hold its split exactly.
        Assert.Equal(30, lane.Segments.Sum(s => s.Duration), 9);
        Assert.Equal(20, Drawn(lane, SegmentState.Running), 9);
        Assert.Equal(10, Drawn(lane, SegmentState.OffCpu), 9);
        // The child's 10 ms are its own (all on a CPU); the parent's own 20 ms hold the other 10 on and 10 off.
        Assert.Equal(10, Drawn(lane, SegmentState.Running, 10, 20), 9);
        Assert.All(lane.Segments.Where(s => s.Start >= 10 && s.End <= 20), s => Assert.Equal("parse", s.Label));
        Assert.Equal(10, Drawn(lane, SegmentState.OffCpu, 0, 10) + Drawn(lane, SegmentState.OffCpu, 20, 30), 9);
        Assert.Equal(2, lane.Spans.Count);
    }

    [Fact]
    public void A_recorded_wait_inside_a_span_is_drawn_as_the_wait_and_the_rest_of_the_split_around_it()
    {
        var span = new TimelineSegment(1, 0, 30, SegmentState.Running, "work") { OnCpu = 15 };
        var wait = new TimelineSegment(1, 10, 20, SegmentState.Blocked, "lock") { Cause = BlockCause.Lock };
        var timeline = Timeline.Create(new[] { Main }, new[] { span, wait });

        var lane = Assert.Single(timeline.ToGanttChart().Lanes);

        // The wait's 10 ms are off a CPU; the other 20 ms hold the 15 on a CPU and the remaining 5 off it.
        Assert.Equal(15, Drawn(lane, SegmentState.Running), 9);
        Assert.Equal(5, Drawn(lane, SegmentState.OffCpu), 9);
        Assert.Equal(0, Drawn(lane, SegmentState.Running, 10, 20), 9);
    }

    [Fact]
    public void Merging_a_very_busy_fill_for_display_keeps_every_states_time()
    {
        var spans = new List<TimelineSegment>();
        var pieces = new List<SpanStatePiece>();
        for (var i = 0; i < 100; i++)
        {
            var span = new TimelineSegment(1, i, i + 0.9, SegmentState.Running, "tick") { OnCpu = 0.6 };
            pieces.Add(new SpanStatePiece(1, i, i + 0.6, SegmentState.Running, span));
            pieces.Add(new SpanStatePiece(1, i + 0.6, i + 0.9, SegmentState.OffCpu, span));
        }

        var merged = TimelineChartBuilder.MergedForDisplay(pieces, gap: 5).ToList();

        Assert.True(merged.Count < pieces.Count / 4);
        Assert.Equal(60, merged.Where(s => s.State == SegmentState.Running).Sum(s => s.Duration), 9);
        Assert.Equal(30, merged.Where(s => s.State == SegmentState.OffCpu).Sum(s => s.Duration), 9);
        Assert.Contains("spans merged for display", merged[0].Label);
    }

    [Fact]
    public void The_subtitle_says_the_fill_is_placed_by_the_samples_when_they_cover_the_spans()
    {
        var span = new TimelineSegment(1, 0, 30, SegmentState.Running, "work") { OnCpu = 10 };
        var states = new[] { new TimelineThreadState(1, 0, 10, SegmentState.Running, 10, 0), new TimelineThreadState(1, 10, 30, SegmentState.OffCpu, 0, 0) };

        var subtitle = Timeline.Create(new[] { Main }, new[] { span }, threadStates: states).ToGanttChart().Subtitle;

        Assert.Contains("fill: each span's own split (on CPU / waiting for a CPU / off CPU), placed by the samples", subtitle);
        Assert.DoesNotContain("in proportion", subtitle);
    }

    [Fact]
    public void The_subtitle_says_when_the_fill_is_in_proportion_because_nothing_was_sampled()
    {
        var span = new TimelineSegment(1, 0, 30, SegmentState.Running, "work") { OnCpu = 10 };

        var subtitle = Timeline.Create(new[] { Main }, new[] { span }).ToGanttChart().Subtitle;

        Assert.Contains("fill: each span's own split (on CPU / waiting for a CPU / off CPU), in proportion (no thread-state samples)", subtitle);
    }

    [Fact]
    public void The_subtitle_counts_the_spans_too_sparsely_sampled_to_place_their_split()
    {
        var threads = new[] { Main, new TimelineThread(2, "other", false, false) };
        var spans = new[]
        {
            new TimelineSegment(1, 0, 30, SegmentState.Running, "sampled") { OnCpu = 10 },
            new TimelineSegment(2, 0, 30, SegmentState.Running, "one sample") { OnCpu = 10 },
        };
        var states = new[]
        {
            new TimelineThreadState(1, 0, 10, SegmentState.Running, 10, 0),
            new TimelineThreadState(1, 10, 30, SegmentState.OffCpu, 0, 0),
            // One sample covering the whole span: it cannot say where inside the span anything happened.
            new TimelineThreadState(2, 0, 30, SegmentState.Running, 10, 0),
        };

        var timeline = Timeline.Create(threads, spans, threadStates: states);
        var subtitle = timeline.ToGanttChart().Subtitle;

        Assert.Contains("placed by the samples; 1 of 2 spans in proportion (too few samples inside)", subtitle);
        var other = timeline.ToGanttChart().Lanes.Single(l => l.Label.Contains("other", StringComparison.Ordinal));
        Assert.Equal(10, Drawn(other, SegmentState.Running), 9);
        Assert.Equal(20, Drawn(other, SegmentState.OffCpu), 9);
    }
}
