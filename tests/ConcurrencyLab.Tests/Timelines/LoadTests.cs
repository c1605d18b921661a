using ConcurrencyLab.Timelines;
using RecordedEvent = ConcurrencyLab.Timelines.RecordedEvent;

namespace ConcurrencyLab.Tests.Timelines;

public class LoadTests
{
    [Fact]
    public void Eight_threads_record_a_million_spans_each_without_losing_one()
    {
        const int threads = 8, spans = 1_000_000;
        using var go = new ManualResetEventSlim();
        var timeline = Timeline.Record(tl =>
        {
            var workers = Enumerable.Range(0, threads).Select(n => new Thread(() =>
            {
                go.Wait(); // all start together, so the buffers really are written concurrently
                for (var i = 0; i < spans; i++)
                    using (tl.Span("s")) { }
            })).ToList();
            workers.ForEach(w => w.Start());
            go.Set();
            workers.ForEach(w => w.Join());
        }, Handshake.Bare);

        Assert.Equal(0, timeline.DroppedEvents);
        Assert.Equal((long)threads * spans, timeline.EventCount);
        Assert.Equal(threads, timeline.Threads.Count);
        Assert.All(timeline.Threads, t => Assert.Equal(spans, timeline.SpanCount(t.ManagedId)));
    }

    [Fact]
    public void A_raw_event_takes_32_bytes()
    {
        // The memory-per-span figure in the README rests on this.
        Assert.Equal(32, System.Runtime.CompilerServices.Unsafe.SizeOf<RecordedEvent>());
    }
}
