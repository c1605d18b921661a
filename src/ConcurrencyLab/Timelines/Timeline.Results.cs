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
    /// <param name="threads">The rows.</param>
    /// <param name="segments">Running, blocked and sleeping segments; a running one may say how long it was on a CPU (<see cref="TimelineSegment.OnCpu"/>).</param>
    /// <param name="marks">Instants.</param>
    /// <param name="flows">"Released by" links.</param>
    /// <param name="wallTimeMs">Wall time, if not the latest end.</param>
    /// <param name="threadStates">What the threads did over time (running, ready, off CPU), as a sampler would have seen it.</param>
    public static Timeline Create(IEnumerable<TimelineThread> threads, IEnumerable<TimelineSegment> segments,
        IEnumerable<TimelineMark>? marks = null, IEnumerable<TimelineFlow>? flows = null, double? wallTimeMs = null,
        IEnumerable<TimelineThreadState>? threadStates = null)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(segments);
        var segmentList = segments.ToList();
        var bad = segmentList.FirstOrDefault(s => !(s.End >= s.Start));
        if (bad is not null)
            throw new ArgumentException($"Segment '{bad.Label}' on thread {bad.ThreadId} ends ({bad.End}) before it starts ({bad.Start}).", nameof(segments));
        var badCpu = segmentList.FirstOrDefault(s => s.OnCpu is < 0 || s.OnCpu > s.Duration + 1e-9 || s.WaitingForCpu is < 0);
        if (badCpu is not null)
            throw new ArgumentException($"Segment '{badCpu.Label}' on thread {badCpu.ThreadId} says it was on a CPU for {badCpu.OnCpu} ms of {badCpu.Duration} ms.", nameof(segments));
        var stateList = threadStates?.ToList() ?? new List<TimelineThreadState>();
        var badState = stateList.FirstOrDefault(s => !(s.End >= s.Start) || s.State is not (SegmentState.Running or SegmentState.Runnable or SegmentState.OffCpu));
        if (badState is not null)
            throw new ArgumentException($"Thread state {badState.State} on thread {badState.ThreadId} at {badState.Start}–{badState.End} ms: a state must be Running, Runnable or OffCpu and must not end before it starts.", nameof(threadStates));
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
            ThreadStates = stateList,
            SampledIntervals = stateList.GroupBy(s => s.ThreadId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).Select(AsSampled).ToList()),
            Cpu = CpuTimeSources.Given(segmentList.Any(s => s.OnCpu is not null), stateList.Count > 0),
        };
        return new Timeline(TimelineOptions.Default, data);
    }

    /// <summary>
    /// A given thread state as the sampler's interval it stands for: its amounts, or, where it gives none, all of it in
    /// its state (a state made by hand may name the state alone).
    /// </summary>
    private static CpuInterval AsSampled(TimelineThreadState state) => state switch
    {
        { OnCpu: <= 0, WaitingForCpu: <= 0, State: SegmentState.Running } => new CpuInterval(state.Start, state.End, state.Duration, 0),
        { OnCpu: <= 0, WaitingForCpu: <= 0, State: SegmentState.Runnable } => new CpuInterval(state.Start, state.End, 0, state.Duration),
        _ => new CpuInterval(state.Start, state.End, Math.Min(state.OnCpu, state.Duration), Math.Min(state.WaitingForCpu, Math.Max(0, state.Duration - state.OnCpu))),
    };

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

    /// <summary>
    /// Time from the first recorded event to stop (the recorder's own start-up is not counted), or the span of a created timeline.
    /// </summary>
    public TimeSpan WallTime => TimeSpan.FromMilliseconds(Data.WallMs);

    /// <summary>
    /// Time each thread spent on a CPU inside its spans, by managed thread id, where CPU time was measured
    /// (<see cref="IsCpuTimeMeasured"/>); otherwise time in spans and not in a recorded wait or sleep.
    /// </summary>
    public IReadOnlyDictionary<int, TimeSpan> BusyTime => Data.Figures.BusyMsByThread.ToDictionary(p => p.Key, p => TimeSpan.FromMilliseconds(p.Value));

    /// <summary>Busy time summed over all threads.</summary>
    public TimeSpan TotalBusyTime => TimeSpan.FromMilliseconds(Data.Figures.TotalBusyMs);

    /// <summary>
    /// Total busy time divided by wall time: 1.0 is one core's worth of work all along. Where CPU time was measured it
    /// counts time on a CPU only, so it cannot exceed the cores there were.
    /// </summary>
    public double AverageParallelism => Data.Figures.AverageParallelism;

    /// <summary>
    /// Most threads running at the same instant. Where CPU time was measured: threads on a CPU at once, as far as the
    /// measured CPU time proves it (so never more than the cores, and at least 1 wherever there was time on a CPU);
    /// otherwise threads inside a span and not in a recorded wait.
    /// </summary>
    public int MaxConcurrency => Data.Figures.MaxConcurrency;

    /// <summary>Most threads inside a span (and not in a recorded wait) at the same instant, whether on a CPU or not.</summary>
    public int MaxThreadsInSpans => Data.Figures.MaxThreadsInSpans;

    /// <summary>Whether the OS said how long spans were on a CPU (Linux and macOS by default; not on Windows).</summary>
    public bool IsCpuTimeMeasured => Data.Figures.CpuMeasured;

    /// <summary>How CPU time was measured here, or why it was not, in words.</summary>
    public string CpuTimeNote => Data.Cpu.Note;

    /// <summary>Time threads inside spans were ready to run but waited for a CPU (sampled on Linux; zero where not measured).</summary>
    public TimeSpan WaitingForCpuTime => TimeSpan.FromMilliseconds(Data.Figures.WaitingForCpuMs);

    /// <summary>Time threads inside spans were neither on a CPU nor waiting for one (zero where not measured).</summary>
    public TimeSpan OffCpuTime => TimeSpan.FromMilliseconds(Data.Figures.OffCpuMs);

    /// <summary>What each recording thread did over time (running, ready, off CPU), sampled from the scheduler (Linux).</summary>
    public IReadOnlyList<TimelineThreadState> ThreadStates => Data.ThreadStates;

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
