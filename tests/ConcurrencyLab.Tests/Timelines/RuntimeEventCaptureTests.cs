using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>Contention in plain, uninstrumented <c>lock</c> statements comes from the runtime's own events.</summary>
public class RuntimeEventCaptureTests
{
    [Fact]
    public void Plain_lock_contention_is_captured_with_the_owner_as_releaser()
    {
        var gate = new object();
        (int Holder, int Waiter) ids = default;
        var timeline = Timeline.Record(tl => ids = Handshake.HoldWhileAnotherWaits(
            whileHeld =>
            {
                tl.Mark("holder starts"); // registers the row; the lock itself is not instrumented
                lock (gate) whileHeld();
            },
            () =>
            {
                tl.Mark("waiter starts");
                lock (gate) { }
            }), new TimelineOptions { SampleThreadPool = false });
        var (holder, waiter) = ids;

        // The listener sees the whole process (other tests run in parallel), so look at our waiter's row.
        var contention = Assert.Single(timeline.Segments, s => s.Cause == BlockCause.Contention && s.ThreadId == waiter);
        Assert.Equal(SegmentState.Blocked, contention.State);
        Assert.True(contention.End >= contention.Start);
        var flow = Assert.Single(timeline.Flows, f => f.ToThreadId == waiter);
        Assert.Equal((holder, waiter), (flow.FromThreadId, flow.ToThreadId));
        Assert.True(timeline.BlockedTime[BlockCause.Contention] > TimeSpan.Zero);
        Assert.DoesNotContain("may be incomplete", timeline.ToPlainText());
    }

    [Fact]
    public void Uninstrumented_code_gets_rows_for_threads_seen_only_in_runtime_events()
    {
        var gate = new object();
        long waiterOsId = 0;
        var timeline = Timeline.Record(() => Handshake.HoldWhileAnotherWaits(
            whileHeld => { lock (gate) whileHeld(); },
            () =>
            {
                waiterOsId = ConcurrencyLab.Timelines.OsThread.CurrentId();
                lock (gate) { }
            }), new TimelineOptions { SampleThreadPool = false });

        var row = Assert.Single(timeline.Threads, t => t.OsThreadId == waiterOsId);
        Assert.True(row.ManagedId < 0);
        Assert.StartsWith("OS " + waiterOsId, row.Label);
        Assert.Contains(timeline.Segments, s => s.ThreadId == row.ManagedId && s.Cause == BlockCause.Contention);
    }
}
