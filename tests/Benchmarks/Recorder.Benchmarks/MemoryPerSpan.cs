using ConcurrencyLab.Timelines;

namespace Recorder.Benchmarks;

/// <summary>
/// Bytes per span while recording (the per-thread buffers) and after Stop (the decoded segments),
/// from the allocation counter rather than from a guess at object layouts.
/// </summary>
internal static class MemoryPerSpan
{
    public static void Report(int spans = 1_000_000)
    {
        var bare = new TimelineOptions { CaptureRuntimeEvents = false, SampleThreadPool = false, MeasureCpuTime = false, SampleThreadStates = false };
        // Each on a thread of its own: a thread keeps the chunks of its last recording, which would hide the second's.
        OnNewThread(() => Report("without CPU time", bare, spans));
        OnNewThread(() => Report("with OS CPU time", bare with { MeasureCpuTime = true }, spans / 10));
    }

    private static void OnNewThread(Action report)
    {
        var thread = new Thread(() => report());
        thread.Start();
        thread.Join();
    }

    private static void Report(string what, TimelineOptions options, int spans)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var timeline = Timeline.Start(options);
        for (var i = 0; i < spans; i++)
            using (timeline.Span("span")) { }
        var recorded = GC.GetAllocatedBytesForCurrentThread();
        timeline.Stop();
        var decoded = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(timeline);
        Console.WriteLine($"// Memory per span {what}: {(double)(recorded - before) / spans:0.0} B while recording, " +
                          $"{(double)(decoded - recorded) / spans:0.0} B more allocated by Stop() to decode ({spans:N0} spans, one thread)");
    }
}
