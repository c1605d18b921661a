namespace ConcurrencyLab.Timelines;

/// <summary>How a <see cref="Timeline"/> records.</summary>
/// <example><code>Timeline.Record(tl => { ... }, new TimelineOptions { CaptureRuntimeEvents = false });</code></example>
public sealed record TimelineOptions
{
    /// <summary>The defaults: runtime events on, thread-pool sampling every 10 ms, 8 Mi events per thread.</summary>
    public static TimelineOptions Default { get; } = new();

    /// <summary>Capture Monitor contention and thread-pool adjustments from the runtime's own events (EventListener).</summary>
    public bool CaptureRuntimeEvents { get; init; } = true;

    /// <summary>Sample <c>ThreadPool.ThreadCount</c> and <c>ThreadPool.PendingWorkItemCount</c> on a dedicated thread.</summary>
    public bool SampleThreadPool { get; init; } = true;

    /// <summary>Interval between thread-pool samples.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Most events kept per thread (32 bytes each); beyond it events are counted in
    /// <see cref="Timeline.DroppedEvents"/> and shown in the summary, never silently lost.
    /// </summary>
    public int MaxEventsPerThread { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long to wait at the end for the runtime to deliver its (delayed) events.</summary>
    public TimeSpan RuntimeEventFlushTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
