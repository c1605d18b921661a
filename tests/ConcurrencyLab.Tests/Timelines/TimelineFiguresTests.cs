using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

public class TimelineFiguresTests
{
    private static readonly TimelineThread Main = new(1, "main", false, false);
    private static readonly TimelineThread Worker = new(7, null, true, true);

    /// <summary>
    /// T1 runs 0–10 but waits for a lock 2–4; T7 runs 5–15 but sleeps 12–13.
    /// Busy: T1 8 ms, T7 9 ms; both busy during 5–10.
    /// </summary>
    public static Timeline TwoThreads() => Timeline.Create(
        new[] { Main, Worker },
        new[]
        {
            new TimelineSegment(1, 0, 10, SegmentState.Running, "download"),
            new TimelineSegment(1, 2, 4, SegmentState.Blocked, "lock gate") { Cause = BlockCause.Lock },
            new TimelineSegment(7, 5, 15, SegmentState.Running, "parse"),
            new TimelineSegment(7, 12, 13, SegmentState.Sleeping, "Sleep(1)"),
        },
        new[] { new TimelineMark(1, 9, "cancel requested") },
        new[] { new TimelineFlow(7, 4, 1, 4, "released lock gate") });

    [Fact]
    public void Busy_time_excludes_blocked_and_sleeping_time()
    {
        var timeline = TwoThreads();

        Assert.Equal(TimeSpan.FromMilliseconds(15), timeline.WallTime);
        Assert.Equal(TimeSpan.FromMilliseconds(8), timeline.BusyTime[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(9), timeline.BusyTime[7]);
        Assert.Equal(TimeSpan.FromMilliseconds(17), timeline.TotalBusyTime);
        Assert.Equal(17.0 / 15, timeline.AverageParallelism, 9);
        Assert.Equal(2, timeline.MaxConcurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(2), timeline.BlockedTime[BlockCause.Lock]);
        Assert.Equal(TimeSpan.FromMilliseconds(2), timeline.TotalBlockedTime);
        Assert.Equal(TimeSpan.FromMilliseconds(1), timeline.SleepingTime);
    }

    [Fact]
    public void Nested_spans_are_not_counted_twice()
    {
        var timeline = Timeline.Create(new[] { Main }, new[]
        {
            new TimelineSegment(1, 0, 10, SegmentState.Running, "outer"),
            new TimelineSegment(1, 2, 5, SegmentState.Running, "inner"),
        });

        Assert.Equal(TimeSpan.FromMilliseconds(10), timeline.TotalBusyTime);
        Assert.Equal(1.0, timeline.AverageParallelism, 9);
        Assert.Equal(1, timeline.MaxConcurrency);
    }

    [Fact]
    public void Back_to_back_work_on_two_threads_is_not_concurrent()
    {
        var timeline = Timeline.Create(new[] { Main, Worker }, new[]
        {
            new TimelineSegment(1, 0, 5, SegmentState.Running, "first"),
            new TimelineSegment(7, 5, 10, SegmentState.Running, "second"),
        });

        Assert.Equal(1, timeline.MaxConcurrency);
        Assert.Equal(1.0, timeline.AverageParallelism, 9);
    }

    [Fact]
    public void Blocked_time_is_summed_per_cause_across_threads()
    {
        var timeline = Timeline.Create(new[] { Main, Worker }, new[]
        {
            new TimelineSegment(1, 0, 3, SegmentState.Blocked, "a") { Cause = BlockCause.Semaphore },
            new TimelineSegment(7, 1, 4, SegmentState.Blocked, "b") { Cause = BlockCause.Semaphore },
            new TimelineSegment(7, 4, 5, SegmentState.Blocked, "c") { Cause = BlockCause.Barrier },
        });

        Assert.Equal(TimeSpan.FromMilliseconds(6), timeline.BlockedTime[BlockCause.Semaphore]);
        Assert.Equal(TimeSpan.FromMilliseconds(1), timeline.BlockedTime[BlockCause.Barrier]);
        Assert.Equal(0, timeline.MaxConcurrency);
        Assert.Equal(0, timeline.AverageParallelism);
    }

    [Fact]
    public void A_segment_ending_before_it_starts_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Timeline.Create(new[] { Main },
            new[] { new TimelineSegment(1, 5, 4, SegmentState.Running, "backwards") }));
        Assert.Contains("backwards", error.Message);
        Assert.Equal("segments", error.ParamName);
    }

    [Fact]
    public void Summary_states_the_derived_figures()
    {
        var text = TwoThreads().ToPlainText();

        Assert.Contains("2 threads, 2 spans, 1 marks, wall 15 ms", text);
        Assert.Contains("in spans outside recorded waits 17 ms (CPU time not measured), average parallelism 1.13, max concurrency 2", text);
        Assert.Contains("blocked: Lock 2 ms; sleeping 1 ms", text);
        Assert.Contains("T7 (pool, bg): in spans 9 ms, blocked 0 ms", text);
        Assert.DoesNotContain("busy", text);
    }
}
