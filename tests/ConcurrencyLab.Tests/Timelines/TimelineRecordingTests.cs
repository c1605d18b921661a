using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

public class TimelineRecordingTests
{
    [Fact]
    public void Spans_from_dedicated_threads_land_on_one_row_per_thread_with_thread_facts()
    {
        var ids = new int[3];
        var timeline = Timeline.Record(tl =>
        {
            var threads = Enumerable.Range(0, 3).Select(n => Handshake.StartThread($"worker {n}", () =>
            {
                ids[n] = Environment.CurrentManagedThreadId;
                for (var i = 0; i < 5; i++)
                    using (tl.Span($"item {n}.{i}")) Thread.SpinWait(100);
            })).ToList();
            threads.ForEach(t => t.Join());
        }, Handshake.Quiet);

        Assert.Equal(3, timeline.Threads.Count);
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            var thread = Assert.Single(timeline.Threads, t => t.ManagedId == id);
            Assert.Equal($"worker {n}", thread.Name);
            Assert.False(thread.IsThreadPool);
            Assert.False(thread.IsBackground);
            Assert.Contains("dedicated, fg", thread.Label);
            Assert.Equal(5, timeline.SpanCount(id));
        }
        Assert.All(timeline.Segments, s => Assert.True(s.End >= s.Start && s.Start >= 0));
        Assert.Equal(15, timeline.EventCount);
    }

    [Fact]
    public void Pool_threads_are_marked_as_pool_and_background()
    {
        var timeline = Timeline.Record(tl => Task.Run(() => { using (tl.Span("on the pool")) { } }).Wait(), Handshake.Quiet);

        var segment = Assert.Single(timeline.Segments);
        var thread = Assert.Single(timeline.Threads, t => t.ManagedId == segment.ThreadId);
        Assert.True(thread.IsThreadPool);
        Assert.True(thread.IsBackground);
        Assert.Contains("pool, bg", thread.Label);
    }

    [Fact]
    public void Marks_and_sleep_are_recorded_on_the_current_thread()
    {
        var timeline = Timeline.Record(tl =>
        {
            tl.Mark("cancel requested");
            tl.Sleep(1);
        }, Handshake.Quiet);

        var me = Environment.CurrentManagedThreadId;
        Assert.Equal(me, Assert.Single(timeline.Marks).ThreadId);
        var sleep = Assert.Single(timeline.Segments);
        Assert.Equal(SegmentState.Sleeping, sleep.State);
        Assert.True(timeline.SleepingTime > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, timeline.TotalBusyTime);
    }

    [Fact]
    public void A_stopped_timeline_records_nothing_more()
    {
        var timeline = Timeline.Record(tl => { using (tl.Span("inside")) { } }, Handshake.Quiet);
        using (timeline.Span("after stop")) { }
        timeline.Mark("after stop");

        Assert.False(timeline.IsRecording);
        Assert.Equal(1, timeline.EventCount);
        Assert.DoesNotContain(timeline.Segments, s => s.Label == "after stop");
    }

    [Fact]
    public void Reading_results_while_recording_fails_with_a_clear_message()
    {
        var timeline = Timeline.Start(Handshake.Quiet);
        var error = Assert.Throws<InvalidOperationException>(() => timeline.Segments);
        Assert.Contains("Stop()", error.Message);
        timeline.Stop();
        Assert.Empty(timeline.Segments);
    }

    [Fact]
    public void Work_that_throws_still_stops_the_recording_and_the_exception_surfaces()
    {
        Timeline? seen = null;
        Assert.Throws<InvalidTimeZoneException>(() => Timeline.Record(tl =>
        {
            seen = tl;
            throw new InvalidTimeZoneException();
        }, Handshake.Quiet));
        Assert.False(seen!.IsRecording);
    }

    [Fact]
    public void Span_closed_on_another_thread_becomes_an_async_operation()
    {
        var timeline = Timeline.Record(tl =>
        {
            SpanScope scope = default;
            var opener = Handshake.StartThread("opener", () => scope = tl.Span("awaited work"));
            opener.Join();
            var closer = Handshake.StartThread("closer", () => scope.Dispose());
            closer.Join();
        }, Handshake.Quiet);

        var op = Assert.Single(timeline.AsyncOperations);
        Assert.Equal("awaited work", op.Label);
        Assert.NotEqual(op.StartThreadId, op.EndThreadId);
        Assert.True(op.HoppedThreads);
        Assert.Empty(timeline.Segments);
    }

    [Fact]
    public async Task Tracked_task_records_start_completion_and_resumption_threads()
    {
        var started = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timeline = await Task.Run(() => Timeline.RecordAsync(async tl =>
        {
            started = Environment.CurrentManagedThreadId;
            var completer = Handshake.StartThread("completer", () => gate.SetResult());
            await tl.Track(gate.Task, "fetch");
            completer.Join();
            var answer = await tl.Track(Task.FromResult(42), "cached");
            Assert.Equal(42, answer);
        }, Handshake.Quiet));

        Assert.Equal(2, timeline.AsyncOperations.Count);
        var fetch = Assert.Single(timeline.AsyncOperations, o => o.Label == "fetch");
        Assert.Equal(started, fetch.StartThreadId);
        Assert.True(fetch.End >= fetch.Start);
        Assert.NotNull(fetch.ResumeThreadId);
        Assert.True(fetch.ResumeTime >= fetch.End);
        var cached = Assert.Single(timeline.AsyncOperations, o => o.Label == "cached");
        Assert.Equal(cached.StartThreadId, cached.EndThreadId); // already complete: nothing hopped
        // Both ran one after the other, so they share a row, named after what it runs.
        Assert.Contains("fetch, cached", timeline.ToGanttChart().Lanes.Select(l => l.Label));
    }

    [Fact]
    public async Task Overlapping_tracked_tasks_get_rows_named_after_them()
    {
        // Synchronous completion: the tracking continuation has run when SetResult returns, before Stop.
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var timeline = await Task.Run(() => Timeline.RecordAsync(async tl =>
        {
            var alpha = tl.Track(first.Task, "alpha");
            var beta = tl.Track(second.Task, "beta");
            first.SetResult();
            second.SetResult();
            await alpha;
            await beta;
        }, Handshake.Quiet));

        var labels = timeline.ToGanttChart().Lanes.Select(l => l.Label).ToList();
        Assert.Contains("alpha", labels);
        Assert.Contains("beta", labels);
    }

    [Fact]
    public async Task A_tracked_task_whose_continuations_are_always_queued_keeps_its_row()
    {
        var gate = new SemaphoreSlim(0);
        var timeline = await Task.Run(() => Timeline.RecordAsync(async tl =>
        {
            var waits = Enumerable.Range(0, 8).Select(i => tl.Track(gate.WaitAsync(), $"wait {i}").Task).ToList();
            gate.Release(8);
            await Task.WhenAll(waits);
        }, Handshake.Quiet));

        Assert.Equal(8, timeline.AsyncOperations.Count);
    }

    [Fact]
    public void Counters_from_any_thread_become_one_ordered_series_and_a_counter_lane()
    {
        var timeline = Timeline.Record(tl =>
        {
            tl.Counter("queue depth", 1);
            var other = Handshake.StartThread("producer", () => tl.Counter("queue depth", 2.5));
            other.Join();
            tl.Counter("queue depth", 0);
            tl.Counter("in flight", 7);
        }, Handshake.Quiet);

        var depth = Assert.Single(timeline.Counters, c => c.Name == "queue depth");
        Assert.Equal(new[] { 1, 2.5, 0 }, depth.Points.Select(p => p.Value));
        Assert.True(depth.Points.Zip(depth.Points.Skip(1)).All(pair => pair.First.Time <= pair.Second.Time));
        Assert.Equal(7, Assert.Single(timeline.Counters, c => c.Name == "in flight").Points.Single().Value);
        var lane = Assert.Single(timeline.ToGanttChart().Counters, c => c.Name == "queue depth");
        Assert.Equal(3, lane.Points.Count);
        Assert.Contains("\"name\":\"queue depth\"", timeline.ToPerfettoJson());
    }

    [Fact]
    public void Counter_needs_a_name_and_is_ignored_when_not_recording()
    {
        var timeline = Timeline.Record(tl => { }, Handshake.Quiet);
        timeline.Counter("late", 1);

        Assert.Empty(timeline.Counters);
        Assert.Throws<ArgumentException>(() => timeline.Counter("", 1));
    }

    [Fact]
    public void Bounded_memory_counts_and_shows_dropped_events()
    {
        var options = Handshake.Quiet with { MaxEventsPerThread = 10_000 };
        var timeline = Timeline.Record(tl =>
        {
            for (var i = 0; i < 20_000; i++)
                using (tl.Span("s")) { }
        }, options);

        Assert.True(timeline.DroppedEvents > 0);
        Assert.Equal(20_000, timeline.EventCount + timeline.DroppedEvents);
        Assert.Contains("DROPPED " + timeline.DroppedEvents, timeline.ToPlainText());
    }

    [Fact]
    public void Labels_and_targets_survive_the_per_thread_tables()
    {
        var gate = new object();
        var labels = new[] { "a", "b", "a", "item 3", "item 4", "a" };
        var timeline = Timeline.Record(tl =>
        {
            foreach (var label in labels)
                using (tl.Span(label)) { }
            for (var i = 0; i < 9000; i++) // more than one chunk
                using (tl.Span($"n{i}")) { }
            using (tl.Lock(gate, "held")) { }
        }, Handshake.Quiet);

        var recorded = timeline.Segments.Select(s => s.Label).ToList();
        Assert.Equal(labels, recorded.Take(labels.Length));
        Assert.Equal(Enumerable.Range(0, 9000).Select(i => $"n{i}"), recorded.Skip(labels.Length).Take(9000));
        Assert.Equal("held", recorded[^1]);
    }

    [Fact]
    public void A_thread_reuses_the_buffers_of_its_decoded_timeline_without_mixing_them_up()
    {
        Timeline? first = null, second = null;
        var spareAfterReuse = -1;
        var thread = Handshake.StartThread("recorder", () =>
        {
            first = Timeline.Record(tl => { for (var i = 0; i < 20_000; i++) using (tl.Span("first")) { } }, Handshake.Quiet);
            second = Timeline.Record(tl =>
            {
                using (tl.Span("second 0")) { }
                spareAfterReuse = ConcurrencyLab.Timelines.ThreadBuffer.SpareChunksOnThisThread;
                for (var i = 1; i < 20_000; i++) using (tl.Span("second")) { }
            }, Handshake.Quiet);
        });
        thread.Join();

        Assert.True(spareAfterReuse > 0); // the first timeline's chunks came back to this thread
        Assert.Equal(20_000, first!.SpanCount());
        Assert.All(first.Segments, s => Assert.Equal("first", s.Label));
        Assert.Equal(20_000, second!.SpanCount());
        Assert.Equal("second 0", second.Segments[0].Label);
        Assert.All(second.Segments.Skip(1), s => Assert.Equal("second", s.Label));
    }
}
