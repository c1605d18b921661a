using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

public class BlockingHelperTests
{
    [Fact]
    public void Contended_lock_records_the_wait_the_hold_and_who_released_it()
    {
        var gate = new object();
        (int Holder, int Waiter) ids = default;
        var timeline = Timeline.Record(tl => ids = Handshake.HoldWhileAnotherWaits(
            whileHeld => { using (tl.Lock(gate, "update total")) whileHeld(); },
            () => { using (tl.Lock(gate, "update total")) { } }), Handshake.Quiet);
        var (holder, waiter) = ids;

        var wait = Assert.Single(timeline.Segments, s => s.State == SegmentState.Blocked);
        Assert.Equal(waiter, wait.ThreadId);
        Assert.Equal(BlockCause.Lock, wait.Cause);
        Assert.Equal(2, timeline.SpanCount()); // two holds
        var flow = Assert.Single(timeline.Flows);
        Assert.Equal((holder, waiter), (flow.FromThreadId, flow.ToThreadId));
        Assert.True(flow.FromTime <= flow.ToTime);
        Assert.True(timeline.BlockedTime[BlockCause.Lock] > TimeSpan.Zero);
    }

    [Fact]
    public void Event_wait_is_linked_to_the_thread_that_set_it()
    {
        using var signal = new ManualResetEventSlim();
        int setter = 0, waiter = 0;
        var timeline = Timeline.Record(tl =>
        {
            var waiting = Handshake.StartThread("waiter", () =>
            {
                waiter = Environment.CurrentManagedThreadId;
                tl.Wait(signal, "wait for data");
            });
            Handshake.WaitUntilBlocked(waiting);
            setter = Environment.CurrentManagedThreadId;
            tl.Set(signal);
            waiting.Join();
        }, Handshake.Quiet);

        var wait = Assert.Single(timeline.Segments);
        Assert.Equal(BlockCause.Event, wait.Cause);
        var flow = Assert.Single(timeline.Flows);
        Assert.Equal((setter, waiter), (flow.FromThreadId, flow.ToThreadId));
        Assert.Contains("wait for data", flow.Label);
    }

    [Fact]
    public void Semaphore_slot_wait_is_linked_to_the_thread_that_released_its_slot()
    {
        using var throttle = new SemaphoreSlim(1);
        var timeline = Timeline.Record(tl =>
        {
            Thread? waiting = null;
            using (tl.Enter(throttle, "download"))
            {
                waiting = Handshake.StartThread("second download", () => { using (tl.Enter(throttle, "download")) { } });
                Handshake.WaitUntilBlocked(waiting);
            }
            waiting.Join();
        }, Handshake.Quiet);

        Assert.Equal(BlockCause.Semaphore, Assert.Single(timeline.Segments, s => s.State == SegmentState.Blocked).Cause);
        Assert.Single(timeline.Flows);
        Assert.Equal(1, throttle.CurrentCount);
    }

    [Fact]
    public void Barrier_join_and_task_waits_are_recorded_with_their_causes()
    {
        using var barrier = new Barrier(2);
        var timeline = Timeline.Record(tl =>
        {
            var other = Handshake.StartThread("partner", () =>
            {
                using (tl.Span("phase 0 work")) { }
                tl.SignalAndWait(barrier);
            });
            tl.SignalAndWait(barrier);
            tl.Join(other);
            tl.Wait(Task.Run(() => { }), "wait for task");
            Assert.Equal(7, tl.Result(Task.FromResult(7)));
        }, Handshake.Quiet);

        var causes = timeline.Segments.Where(s => s.State == SegmentState.Blocked).Select(s => s.Cause).ToList();
        Assert.Equal(2, causes.Count(c => c == BlockCause.Barrier));
        Assert.Contains(BlockCause.Join, causes);
        Assert.Equal(2, causes.Count(c => c == BlockCause.Task));
        // Whoever arrived first at the barrier was released by the other one; the join by the partner's end.
        Assert.Contains(timeline.Flows, f => f.Label.StartsWith("released barrier", StringComparison.Ordinal));
        Assert.Contains(timeline.Flows, f => f.Label == "thread ended");
    }

    [Fact]
    public void Blocked_scope_records_other_waits()
    {
        var timeline = Timeline.Record(tl => { using (tl.Blocked("queue full")) Thread.Sleep(1); }, Handshake.Quiet);
        var wait = Assert.Single(timeline.Segments);
        Assert.Equal((SegmentState.Blocked, BlockCause.Other, "queue full"), (wait.State, wait.Cause, wait.Label));
        Assert.True(timeline.BlockedTime[BlockCause.Other] > TimeSpan.Zero);
    }

    [Fact]
    public void Waits_with_a_timeout_return_false_and_say_so_when_nothing_arrives()
    {
        using var neverSet = new ManualResetEventSlim();
        using var neverSignaled = new AutoResetEvent(false);
        var never = new TaskCompletionSource().Task;
        using var release = new ManualResetEventSlim();
        var parked = Handshake.StartThread("parked", () => release.Wait());
        var results = new List<bool>();

        var timeline = Timeline.Record(tl =>
        {
            results.Add(tl.Join(parked, TimeSpan.FromMilliseconds(5)));
            results.Add(tl.Wait(neverSet, TimeSpan.FromMilliseconds(5)));
            results.Add(tl.Wait(neverSignaled, TimeSpan.FromMilliseconds(5)));
            results.Add(tl.Wait(never, TimeSpan.FromMilliseconds(5)));
        }, Handshake.Quiet);
        release.Set();
        parked.Join();

        Assert.Equal(new[] { false, false, false, false }, results);
        var waits = timeline.Segments.Where(s => s.State == SegmentState.Blocked).ToList();
        Assert.Equal(4, waits.Count);
        Assert.All(waits, w => Assert.EndsWith(": timed out", w.Label));
        Assert.Equal(new[] { BlockCause.Join, BlockCause.Event, BlockCause.Event, BlockCause.Task }, waits.Select(w => w.Cause!.Value));
        Assert.Empty(timeline.Flows);
    }

    [Fact]
    public void Join_with_a_timeout_that_sees_the_thread_end_returns_true_and_links_it()
    {
        var finished = false;

        var timeline = Timeline.Record(tl =>
        {
            var work = Handshake.StartThread("traced", () => { using (tl.Span("work")) { } });
            finished = tl.Join(work, TimeSpan.FromMinutes(1));
        }, Handshake.Quiet);

        Assert.True(finished);
        var wait = Assert.Single(timeline.Segments, s => s.State == SegmentState.Blocked);
        Assert.DoesNotContain("timed out", wait.Label);
        Assert.Single(timeline.Flows);
    }
}
