using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>On-CPU time: read from the OS when recording (Linux, macOS), given by hand in synthetic timelines.</summary>
public class CpuTimeTests
{
    private static readonly TimelineThread Main = new(1, "main", false, false);

    private static void RequireCpuClock() =>
        Assert.SkipUnless(ThreadCpuClock.IsSupported, "This OS has no per-thread CPU clock; the split is reported as not measured.");

    [Fact]
    public void A_sleeping_span_is_off_the_cpu_and_adds_no_parallelism()
    {
        RequireCpuClock();
        var timeline = Timeline.Record(tl => { using (tl.Span("sleep")) Thread.Sleep(30); }, Handshake.Quiet);

        var span = Assert.Single(timeline.Segments);
        Assert.True(timeline.IsCpuTimeMeasured);
        Assert.NotNull(span.OnCpu);
        // Sleeping uses no CPU whatever the machine's load: far less than half the span.
        Assert.True(span.OnCpu < span.Duration / 2, $"on CPU {span.OnCpu} of {span.Duration} ms");
        Assert.True(timeline.AverageParallelism < 0.5);
        Assert.Contains("thread's CPU clock", timeline.ToPlainText());
    }

    [Fact]
    public void A_spinning_span_knows_the_cpu_time_it_used()
    {
        RequireCpuClock();
        // Spin until this thread's own CPU clock has moved 20 ms: a fact of CPU time, not of wall time or load.
        var timeline = Timeline.Record(tl =>
        {
            using (tl.Span("spin"))
            {
                var start = ThreadCpuClock.Now();
                while (ThreadCpuClock.Now() - start < 20_000_000) { }
            }
        }, Handshake.Quiet);

        var span = Assert.Single(timeline.Segments);
        Assert.InRange(span.OnCpu!.Value, 20, span.Duration);
        Assert.InRange(timeline.TotalBusyTime.TotalMilliseconds, 20, span.Duration);
        if (OperatingSystem.IsLinux())
            Assert.NotNull(span.WaitingForCpu); // read by the thread itself from its schedstat
    }

    [Fact]
    public void A_lock_hold_knows_its_cpu_time_too()
    {
        RequireCpuClock();
        var gate = new object();
        var timeline = Timeline.Record(tl => { using (tl.Lock(gate, "hold")) Thread.Sleep(5); }, Handshake.Quiet);

        var hold = Assert.Single(timeline.Segments);
        Assert.NotNull(hold.OnCpu);
        Assert.True(hold.OnCpu <= hold.Duration);
    }

    [Fact]
    public void Turning_cpu_time_off_says_so_and_keeps_the_old_figures()
    {
        var options = Handshake.Quiet with { MeasureCpuTime = false, SampleThreadStates = false };
        var timeline = Timeline.Record(tl => { using (tl.Span("sleep")) Thread.Sleep(5); }, options);

        var span = Assert.Single(timeline.Segments);
        Assert.Null(span.OnCpu);
        Assert.False(timeline.IsCpuTimeMeasured);
        Assert.Contains("not measured", timeline.CpuTimeNote);
        Assert.Equal(span.Duration, timeline.TotalBusyTime.TotalMilliseconds, 3);
        Assert.Contains("not necessarily on a CPU", timeline.ToGanttChart().Subtitle);
    }

    [Fact]
    public void Thread_states_are_sampled_for_every_recording_thread()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Thread states are sampled from /proc on Linux only.");
        using var release = new ManualResetEvent(false);
        var timeline = Timeline.Record(tl =>
        {
            // A kernel wait (no spinning first): the worker is off a CPU until released.
            var worker = Handshake.StartThread("worker", () => { using (tl.Span("wait")) release.WaitOne(); });
            Handshake.WaitUntilBlocked(worker);
            // Released only after the sampler has read the blocked worker a few times, however loaded the machine is.
            var seen = tl.StateSampler!.Ticks;
            while (tl.StateSampler.Ticks < seen + 3) Thread.Sleep(1);
            release.Set();
            worker.Join();
        }, Handshake.Quiet);

        var worker = Assert.Single(timeline.Threads, t => t.Name == "worker");
        var states = timeline.ThreadStates.Where(s => s.ThreadId == worker.ManagedId).ToList();
        Assert.NotEmpty(states);
        Assert.Contains(states, s => s.State == SegmentState.OffCpu);
        Assert.Contains("sampled from the scheduler", timeline.CpuTimeNote);
    }

    /// <summary>
    /// 40 threads each inside a 3.5 s span that blocked in a call the recorder does not wrap (1 ms on a CPU each):
    /// notebook 06's starvation timeline. Before, it claimed an average parallelism of about 14 on 2 cores.
    /// </summary>
    [Fact]
    public void Blocked_spans_count_no_parallelism_and_are_drawn_off_the_cpu()
    {
        var threads = Enumerable.Range(1, 40).Select(i => new TimelineThread(i, null, true, true)).ToList();
        var spans = threads.Select(t => new TimelineSegment(t.ManagedId, 10, 3510, SegmentState.Running, $"item {t.ManagedId}") { OnCpu = 1 });
        var timeline = Timeline.Create(threads, spans, wallTimeMs: 3600);

        Assert.True(timeline.IsCpuTimeMeasured);
        Assert.Equal(40.0 / 3600, timeline.AverageParallelism, 9);
        // 40 ms on a CPU proves one thread ran at some instant, not two: any CPU time at all is at least 1.
        Assert.Equal(1, timeline.MaxConcurrency);
        Assert.Equal(40, timeline.MaxThreadsInSpans);
        Assert.Equal(40 * 3499, timeline.OffCpuTime.TotalMilliseconds, 6);
        var lane = timeline.ToGanttChart().Lanes[0];
        // The fill holds the span's own split: 1 ms on a CPU, the other 3499 ms off one.
        Assert.Equal(1, lane.Segments.Where(s => s.State == SegmentState.Running).Sum(s => s.Duration), 9);
        Assert.Equal(3499, lane.Segments.Where(s => s.State == SegmentState.OffCpu).Sum(s => s.Duration), 9);
        Assert.DoesNotContain(lane.Segments, s => s.State == SegmentState.Runnable);
        var outline = Assert.Single(lane.Spans);
        Assert.Equal("item 1", outline.Label);
        Assert.Contains("on CPU 1 of 3500 ms (0%)", outline.Detail);
    }

    [Fact]
    public void Sampled_states_fill_a_span_where_they_happened_and_set_max_concurrency()
    {
        var threads = new[] { Main, new TimelineThread(2, "other", false, false) };
        var spans = new[]
        {
            new TimelineSegment(1, 0, 30, SegmentState.Running, "work") { OnCpu = 15, WaitingForCpu = 5 },
            new TimelineSegment(2, 0, 30, SegmentState.Running, "work") { OnCpu = 10 },
        };
        var states = new[]
        {
            new TimelineThreadState(1, 0, 10, SegmentState.Running, 10, 0),
            new TimelineThreadState(1, 10, 15, SegmentState.Runnable, 0, 5),
            new TimelineThreadState(1, 15, 20, SegmentState.Running, 5, 0),
            new TimelineThreadState(1, 20, 30, SegmentState.OffCpu, 0, 0),
            new TimelineThreadState(2, 0, 10, SegmentState.Running, 10, 0),
            new TimelineThreadState(2, 10, 30, SegmentState.OffCpu, 0, 0),
        };
        var timeline = Timeline.Create(threads, spans, threadStates: states);

        var lane = timeline.ToGanttChart().Lanes[0];
        var pieces = lane.Segments.OrderBy(s => s.Start).Select(s => (s.Start, s.End, s.State)).ToList();
        Assert.Equal(new[]
        {
            (0.0, 10.0, SegmentState.Running), (10.0, 15.0, SegmentState.Runnable),
            (15.0, 20.0, SegmentState.Running), (20.0, 30.0, SegmentState.OffCpu),
        }, pieces);
        Assert.Equal(2, timeline.MaxConcurrency);
        Assert.Equal(25.0 / 30, timeline.AverageParallelism, 9);
        Assert.Equal(TimeSpan.FromMilliseconds(5), timeline.WaitingForCpuTime);
    }

    [Fact]
    public void A_wait_for_a_cpu_is_spread_back_over_the_intervals_it_covered()
    {
        // Stopwatch ticks of 1 ns (1e-6 ms per tick): readings every 1 ms. The thread ran 1 ms, then waited 2.5 ms for
        // a CPU, which the kernel adds only when it gets one (at the last reading), then ran 0.5 ms.
        var readings = new[]
        {
            new SchedulerReading(0, 0, 0, 0, 0),
            new SchedulerReading(1_000_000, 1_000_000, 1_000_000, 0, 1),
            new SchedulerReading(2_000_000, 2_000_000, 1_000_000, 0, 2),
            new SchedulerReading(3_000_000, 3_000_000, 1_000_000, 0, 3),
            new SchedulerReading(4_000_000, 4_000_000, 1_500_000, 2_500_000, 4),
        };

        var intervals = SchedulerIntervals.From(readings, 0, 1e-6);

        Assert.Equal(new[] { 1.0, 0, 0, 0.5 }, intervals.Select(i => i.OnCpu));
        Assert.Equal(new[] { 0, 1, 1, 0.5 }, intervals.Select(i => Math.Round(i.WaitingForCpu, 9)));
    }

    [Fact]
    public void No_more_threads_are_called_running_in_a_tick_than_its_cpu_time_seats()
    {
        // Three threads each on a CPU for 2/3 of the same millisecond: two cores' worth, so two are drawn running.
        var intervals = Enumerable.Range(1, 3).ToDictionary(t => t, _ => new List<CpuInterval> { new(0, 1, 2.0 / 3, 1.0 / 3) });

        var states = ThreadStateClassifier.Classify(intervals);

        Assert.Equal(2, states.Count(s => s.State == SegmentState.Running));
        Assert.Equal(1, states.Count(s => s.State == SegmentState.Runnable));
    }

    [Fact]
    public void Bad_cpu_figures_in_a_created_timeline_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Timeline.Create(new[] { Main },
            new[] { new TimelineSegment(1, 0, 5, SegmentState.Running, "too busy") { OnCpu = 6 } }));
        Assert.Contains("too busy", error.Message);
        Assert.Equal("threadStates", Assert.Throws<ArgumentException>(() => Timeline.Create(new[] { Main }, Array.Empty<TimelineSegment>(),
            threadStates: new[] { new TimelineThreadState(1, 0, 1, SegmentState.Blocked, 0, 0) })).ParamName);
    }
}
