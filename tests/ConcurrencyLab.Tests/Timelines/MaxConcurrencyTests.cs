using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>
/// Max concurrency counts threads on a CPU at once from measured CPU time: a lower bound that can never exceed the
/// cores and is at least one wherever there was time on a CPU.
/// </summary>
public class MaxConcurrencyTests
{
    [Fact]
    public void Overlapping_stretches_prove_as_many_threads_as_their_cpu_time_needs()
    {
        // Two threads on a CPU all of 0–10 ms; a third on a CPU half of 5–15, which may all lie in 10–15.
        var stretches = new[] { (0.0, 10.0, 10.0), (0.0, 10.0, 10.0), (5.0, 15.0, 5.0) };

        Assert.Equal(2, OnCpuConcurrency.AtLeast(stretches));
    }

    [Fact]
    public void Cpu_time_that_needs_three_cpus_in_one_window_counts_three()
    {
        var stretches = new[] { (0.0, 10.0, 9.0), (0.0, 10.0, 9.0), (2.0, 8.0, 6.0) };

        Assert.Equal(3, OnCpuConcurrency.AtLeast(stretches));
    }

    [Fact]
    public void Stretches_that_do_not_overlap_count_one_and_none_count_zero()
    {
        Assert.Equal(1, OnCpuConcurrency.AtLeast(new[] { (0.0, 10.0, 10.0), (10.0, 20.0, 10.0) }));
        Assert.Equal(1, OnCpuConcurrency.AtLeast(new[] { (0.0, 1000.0, 0.001) }));
        Assert.Equal(0, OnCpuConcurrency.AtLeast(Array.Empty<(double, double, double)>()));
        Assert.Equal(0, OnCpuConcurrency.AtLeast(new[] { (0.0, 10.0, 0.0) }));
    }

    [Fact]
    public void Long_spans_with_little_cpu_time_each_still_count_one_not_zero()
    {
        // Bug: 343 ms on a CPU, max concurrency 0. Four threads, each 10 ms on a CPU somewhere in its 400 ms span.
        var threads = Enumerable.Range(1, 4).Select(i => new TimelineThread(i, null, true, true)).ToList();
        var spans = threads.Select(t => new TimelineSegment(t.ManagedId, 0, 400, SegmentState.Running, "work") { OnCpu = 10 });
        var timeline = Timeline.Create(threads, spans);

        Assert.Equal(1, timeline.MaxConcurrency);
        Assert.Contains("max concurrency 1 (threads on a CPU at once, at least; from the spans' CPU clocks)", timeline.ToPlainText());
    }

    [Fact]
    public void Samples_of_two_threads_on_a_cpu_together_count_two()
    {
        var threads = new[] { new TimelineThread(1, "a", false, false), new TimelineThread(2, "b", false, false) };
        var spans = threads.Select(t => new TimelineSegment(t.ManagedId, 0, 30, SegmentState.Running, "work") { OnCpu = 10 });
        var states = threads.SelectMany(t => new[]
        {
            new TimelineThreadState(t.ManagedId, 0, 10, SegmentState.Running, 10, 0),
            new TimelineThreadState(t.ManagedId, 10, 30, SegmentState.OffCpu, 0, 0),
        });

        var timeline = Timeline.Create(threads, spans, threadStates: states);

        Assert.Equal(2, timeline.MaxConcurrency);
    }

    [Fact]
    public void A_recorded_timeline_never_counts_more_threads_on_a_cpu_than_there_are_cores()
    {
        Assert.SkipUnless(ThreadCpuClock.IsSupported, "This OS has no per-thread CPU clock: max concurrency counts threads in spans there.");
        // More spinning threads than cores: however the OS shares the cores, at most ProcessorCount ran at once.
        var threads = Environment.ProcessorCount + 2;
        var timeline = Timeline.Record(tl =>
        {
            var workers = Enumerable.Range(0, threads).Select(i => Handshake.StartThread($"spin {i}", () =>
            {
                using (tl.Span("spin"))
                {
                    var until = ThreadCpuClock.Now() + 20_000_000; // 20 ms of this thread's own CPU time
                    while (ThreadCpuClock.Now() < until) { }
                }
            })).ToList();
            workers.ForEach(w => w.Join());
        }, Handshake.Quiet);

        Assert.True(timeline.TotalBusyTime > TimeSpan.Zero);
        Assert.InRange(timeline.MaxConcurrency, 1, Environment.ProcessorCount);
    }
}
