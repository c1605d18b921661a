using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

// What a stopped timeline holds, and the derived figures tests and notebook cells assert on.
public sealed partial class Timeline
{
    /// <summary>
    /// A timeline built from given threads and segments (no recording), e.g. to explain a schedule or to test.
    /// Wall time is from 0 to the latest end unless <paramref name="wallTimeMs"/> is given.
    /// </summary>
    /// <example><code>
    /// var tl = Timeline.Create(new[] { new TimelineThread(1, "main", false, false) },
    ///                          new[] { new TimelineSegment(1, 0, 10, SegmentState.Running, "work") });
    /// </code></example>
    public static Timeline Create(IEnumerable<TimelineThread> threads, IEnumerable<TimelineSegment> segments,
        IEnumerable<TimelineMark>? marks = null, IEnumerable<TimelineFlow>? flows = null, double? wallTimeMs = null)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(segments);
        var segmentList = segments.ToList();
        var bad = segmentList.FirstOrDefault(s => !(s.End >= s.Start));
        if (bad is not null)
            throw new ArgumentException($"Segment '{bad.Label}' on thread {bad.ThreadId} ends ({bad.End}) before it starts ({bad.Start}).", nameof(segments));
        var markList = marks?.ToList() ?? new List<TimelineMark>();
        var data = new TimelineData
        {
            Threads = threads.ToList(),
            Segments = segmentList,
            Marks = markList,
            Flows = flows?.ToList() ?? new List<TimelineFlow>(),
            AsyncOperations = Array.Empty<TimelineAsyncOperation>(),
            Samples = Array.Empty<ThreadPoolSample>(),
            Adjustments = Array.Empty<ThreadPoolAdjustment>(),
            WallMs = wallTimeMs ?? segmentList.Select(s => s.End).Concat(markList.Select(m => m.Time)).DefaultIfEmpty(0).Max(),
            EventCount = segmentList.Count + markList.Count,
        };
        return new Timeline(TimelineOptions.Default, data);
    }

    /// <summary>Threads that recorded (or appeared in runtime events), one Gantt row each.</summary>
    public IReadOnlyList<TimelineThread> Threads => Data.Threads;

    /// <summary>Running, blocked and sleeping segments of all threads.</summary>
    public IReadOnlyList<TimelineSegment> Segments => Data.Segments;

    /// <summary>Instants recorded with <see cref="Mark"/>.</summary>
    public IReadOnlyList<TimelineMark> Marks => Data.Marks;

    /// <summary>"Released by" links from the releasing thread to the woken one.</summary>
    public IReadOnlyList<TimelineFlow> Flows => Data.Flows;

    /// <summary>Tracked tasks and spans that ended on another thread than they started on.</summary>
    public IReadOnlyList<TimelineAsyncOperation> AsyncOperations => Data.AsyncOperations;

    /// <summary>The counters recorded with <see cref="Counter"/>, each with its values in time order.</summary>
    public IReadOnlyList<TimelineCounter> Counters => Data.Counters;

    /// <summary>Thread-pool size and queue length sampled during recording.</summary>
    public IReadOnlyList<ThreadPoolSample> ThreadPoolSamples => Data.Samples;

    /// <summary>Thread-pool worker count changes the runtime reported, with their reasons.</summary>
    public IReadOnlyList<ThreadPoolAdjustment> ThreadPoolAdjustments => Data.Adjustments;

    /// <summary>Raw events recorded (spans, waits, marks, releases).</summary>
    public long EventCount => Data.EventCount;

    /// <summary>Events not kept because a thread hit <see cref="TimelineOptions.MaxEventsPerThread"/>; shown in the summary.</summary>
    public long DroppedEvents => Data.DroppedEvents;

    /// <summary>Time from start to stop (or the span of a created timeline).</summary>
    public TimeSpan WallTime => TimeSpan.FromMilliseconds(Data.WallMs);

    /// <summary>Time each thread spent in spans and not blocked or sleeping, by managed thread id.</summary>
    public IReadOnlyDictionary<int, TimeSpan> BusyTime => Data.Figures.BusyMsByThread.ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value));

    /// <summary>Busy time summed over all threads.</summary>
    public TimeSpan TotalBusyTime => TimeSpan.FromMilliseconds(Data.Figures.TotalBusyMs);

    /// <summary>Total busy time divided by wall time: 1.0 is one core's worth of work all along.</summary>
    public double AverageParallelism => Data.Figures.AverageParallelism;

    /// <summary>Most threads busy at the same instant.</summary>
    public int MaxConcurrency => Data.Figures.MaxConcurrency;

    /// <summary>Blocked time summed over threads, by cause.</summary>
    public IReadOnlyDictionary<BlockCause, TimeSpan> BlockedTime => Data.Figures.BlockedMsByCause.ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value));

    /// <summary>All blocked time summed over threads.</summary>
    public TimeSpan TotalBlockedTime => TimeSpan.FromMilliseconds(Data.Figures.BlockedMsByCause.Values.Sum());

    /// <summary>Time threads spent in <see cref="Sleep(int)"/>.</summary>
    public TimeSpan SleepingTime => TimeSpan.FromMilliseconds(Data.Figures.SleepingMs);

    /// <summary>Spans (running segments, holds included) recorded on <paramref name="threadId"/> or on all threads.</summary>
    public int SpanCount(int? threadId = null) =>
        Data.Segments.Count(s => s.State == SegmentState.Running && (threadId is null || s.ThreadId == threadId));
}
