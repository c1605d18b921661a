namespace ConcurrencyLab.Timelines;

/// <summary>How a <see cref="Timeline"/> records.</summary>
/// <example><code>Timeline.Record(tl => { ... }, new TimelineOptions { CaptureRuntimeEvents = false });</code></example>
public sealed record TimelineOptions
{
    /// <summary>
    /// The defaults: runtime events on, thread-pool sampling every 10 ms, CPU time per span and thread states every
    /// millisecond (where the OS allows), 8 Mi events per thread.
    /// </summary>
    public static TimelineOptions Default { get; } = new();

    /// <summary>Capture Monitor contention and thread-pool adjustments from the runtime's own events (EventListener).</summary>
    public bool CaptureRuntimeEvents { get; init; } = true;

    /// <summary>Sample <c>ThreadPool.ThreadCount</c> and <c>ThreadPool.PendingWorkItemCount</c> on a dedicated thread.</summary>
    public bool SampleThreadPool { get; init; } = true;

    /// <summary>Interval between thread-pool samples.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Read the thread's CPU clock when a span (or a lock hold) opens and closes, so each knows how much of its wall
    /// time the thread was really on a CPU (<see cref="TimelineSegment.OnCpu"/>), and parallelism counts CPU time only.
    /// It costs two system calls per span (about 1.5 µs on a VM, see the README); turn it off to record millions of
    /// tiny spans at the bare cost. Linux and macOS; on Windows the split is reported as not measured.
    /// </summary>
    public bool MeasureCpuTime { get; init; } = true;

    /// <summary>
    /// Sample every recording thread's scheduler accounting (CPU time and time spent waiting for a CPU, Linux only)
    /// on a dedicated thread, so the chart draws running, waiting for a CPU and waiting off a CPU where they happened.
    /// </summary>
    public bool SampleThreadStates { get; init; } = true;

    /// <summary>Interval between thread-state samples (stretched automatically so sampling stays under ~5% of a core).</summary>
    public TimeSpan ThreadStateInterval { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Most events kept per thread (32 bytes each); beyond it events are counted in
    /// <see cref="Timeline.DroppedEvents"/> and shown in the summary, never silently lost.
    /// </summary>
    public int MaxEventsPerThread { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long to wait at the end for the runtime to deliver its (delayed) events.</summary>
    public TimeSpan RuntimeEventFlushTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
