using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Turns raw per-thread events (and the runtime's events) into threads, segments, marks, async
/// operations and "released by" flows, once, when recording stops.
/// </summary>
internal sealed class TimelineDecoder
{
    private readonly long _origin;
    private readonly double _msPerTick;
    private readonly List<TimelineThread> _threads = new();
    private readonly List<TimelineSegment> _segments = new();
    private readonly List<TimelineMark> _marks = new();
    private readonly List<TimelineFlow> _flows = new();
    private readonly Dictionary<TrackedOperation, (double End, int EndThread, double? Resume, int? ResumeThread)> _tracked = new();
    private readonly List<TimelineAsyncOperation> _asyncSpans = new();
    private readonly Dictionary<string, List<CounterPoint>> _counters = new(StringComparer.Ordinal);
    // Where each synchronization object was released, and which blocked waits should be linked to a release.
    private readonly Dictionary<object, List<(int Thread, double Time)>> _releases = new(ReferenceEqualityComparer.Instance);
    private readonly List<(TimelineSegment Wait, object? Target, int JoinedThread)> _waits = new();
    // The running segment (span or hold) decoded last on the current thread, kept until the next event shows whether a
    // CpuTime event belongs to it, so each segment is built once, with its CPU time.
    private (int Thread, double Start, double End, string Label)? _pendingRunning;
    private IReadOnlyDictionary<int, List<CpuInterval>> _intervals = new Dictionary<int, List<CpuInterval>>();

    private TimelineDecoder(long origin, double msPerTick)
    {
        _origin = origin;
        _msPerTick = msPerTick;
    }

    public static TimelineData Decode(IReadOnlyList<ThreadBuffer> buffers, RuntimeEventBatch? runtime,
        IReadOnlyList<ThreadPoolSample> samples, IReadOnlyList<SchedulerTrack> schedulerTracks, CpuTimeSources cpu,
        long origin, double msPerTick, double wallMs)
    {
        // Time zero is the first recorded event, not the moment Start returned: what comes before it is the recorder's
        // own start-up (the samplers' first readings, a first recording's warm-up), which must not count as wall time.
        var first = FirstEventTimestamp(buffers, runtime, origin);
        if (first > origin)
        {
            var shift = (first - origin) * msPerTick;
            wallMs = Math.Max(0, wallMs - shift);
            samples = FromTimeZero(samples, shift);
            origin = first;
        }
        var decoder = new TimelineDecoder(origin, msPerTick);
        var intervals = schedulerTracks
            .Where(t => t.Readings.Count >= 2)
            .ToDictionary(t => t.ManagedThreadId, t => SchedulerIntervals.From(t.Readings, origin, msPerTick));
        decoder._intervals = intervals;
        long events = 0, dropped = 0;
        foreach (var buffer in buffers)
        {
            decoder._threads.Add(buffer.Info with { Name = CurrentName(buffer) });
            foreach (var e in buffer.Events())
            {
                decoder.Add(buffer.ManagedId, e);
                if (e.Kind != EventKind.CpuTime) events++; // part of its span, not an event of its own
            }
            decoder.FlushRunning(null, null);
            dropped += buffer.Dropped;
        }
        var adjustments = new List<ThreadPoolAdjustment>();
        if (runtime is not null)
        {
            decoder.AddContentions(runtime.Contentions);
            adjustments.AddRange(runtime.Adjustments.Select(a => new ThreadPoolAdjustment(decoder.Ms(a.Timestamp), a.NewWorkerThreadCount, a.Reason)));
        }
        decoder.LinkWaitsToReleases();
        return new TimelineData
        {
            Threads = decoder._threads,
            Segments = decoder._segments,
            ThreadStates = ThreadStateClassifier.Classify(intervals),
            SampledIntervals = intervals,
            Cpu = cpu,
            Marks = decoder._marks,
            Flows = decoder._flows,
            AsyncOperations = decoder.AsyncOperations(),
            Samples = samples,
            Adjustments = adjustments,
            Counters = decoder.Counters(),
            WallMs = wallMs,
            EventCount = events,
            DroppedEvents = dropped,
            RuntimeEventProblem = runtime?.Problem,
        };
    }

    private double Ms(long timestamp) => (timestamp - _origin) * _msPerTick;

    /// <summary>
    /// Thread-pool samples moved <paramref name="shift"/> ms earlier; of those taken before the new time zero only the
    /// last is kept, at 0: it is what the pool was when the recorded work began.
    /// </summary>
    private static List<ThreadPoolSample> FromTimeZero(IReadOnlyList<ThreadPoolSample> samples, double shift)
    {
        var kept = samples.Where(s => s.Time >= shift).Select(s => s with { Time = s.Time - shift }).ToList();
        var before = samples.Where(s => s.Time < shift).ToList();
        if (before.Count > 0 && (kept.Count == 0 || kept[0].Time > 0))
            kept.Insert(0, before[^1] with { Time = 0 });
        return kept;
    }

    /// <summary>
    /// The Stopwatch timestamp of the earliest event the user's code recorded (or a lock contention the runtime reported
    /// after <paramref name="origin"/>); <paramref name="origin"/> when there is none.
    /// </summary>
    internal static long FirstEventTimestamp(IReadOnlyList<ThreadBuffer> buffers, RuntimeEventBatch? runtime, long origin)
    {
        var first = long.MaxValue;
        foreach (var buffer in buffers)
            foreach (var e in buffer.Events())
                if (e.Kind != EventKind.CpuTime) // its Start is CPU time in ns, not a timestamp
                    first = Math.Min(first, e.Start);
        if (runtime is not null)
            foreach (var c in runtime.Contentions)
                if (c.EndTimestamp >= origin) first = Math.Min(first, Math.Max(origin, c.StartTimestamp));
        return first == long.MaxValue ? origin : Math.Max(origin, first);
    }

    // Threads record counter values independently: merge them into one time-ordered series per name.
    private IReadOnlyList<TimelineCounter> Counters() =>
        _counters.Select(c => new TimelineCounter(c.Key, c.Value.OrderBy(p => p.Time).ToList())).ToList();

    private void Add(int thread, in RawEvent e)
    {
        if (e.Kind == EventKind.CpuTime)
        {
            FlushRunning(e.Start / 1e6, e.End >= 0 ? e.End / 1e6 : null);
            return;
        }
        FlushRunning(null, null);
        if (e.Kind == EventKind.Counter)
        {
            if (!_counters.TryGetValue(e.Label, out var points))
                _counters[e.Label] = points = new List<CounterPoint>();
            points.Add(new CounterPoint(Ms(e.Start), BitConverter.Int64BitsToDouble(e.End)));
            return;
        }
        double start = Ms(e.Start), end = Ms(e.End);
        switch (e.Kind)
        {
            case EventKind.Span when e.Extra != thread:
                // The using block contained an await and ended elsewhere: an async operation, not thread time.
                _asyncSpans.Add(new TimelineAsyncOperation(e.Label, start, end, e.Extra, thread));
                break;
            case EventKind.Span:
                _pendingRunning = (thread, start, end, e.Label);
                break;
            case EventKind.Hold:
                _pendingRunning = (thread, start, end, e.Label);
                AddRelease(e.Target!, thread, end);
                break;
            case EventKind.Blocked:
                var wait = new TimelineSegment(thread, start, end, SegmentState.Blocked, e.Label) { Cause = e.Cause };
                _segments.Add(wait);
                if (e.Target is not null || e.Cause == BlockCause.Join)
                    _waits.Add((wait, e.Target, e.Extra));
                break;
            case EventKind.Sleep:
                _segments.Add(new TimelineSegment(thread, start, end, SegmentState.Sleeping, e.Label));
                break;
            case EventKind.Mark:
                _marks.Add(new TimelineMark(thread, start, e.Label));
                break;
            case EventKind.Release:
                AddRelease(e.Target!, thread, start);
                break;
            case EventKind.AsyncEnd:
                var op = (TrackedOperation)e.Target!;
                var resume = _tracked.TryGetValue(op, out var earlier) ? (earlier.Resume, earlier.ResumeThread) : (null, null);
                _tracked[op] = (end, thread, resume.Item1, resume.Item2);
                break;
            case EventKind.Resume:
                var resumed = (TrackedOperation)e.Target!;
                var completion = _tracked.TryGetValue(resumed, out var seen) ? (seen.End, seen.EndThread) : (double.NaN, resumed.StartThread);
                _tracked[resumed] = (completion.Item1, completion.Item2, start, thread);
                break;
        }
    }

    /// <summary>
    /// Adds the pending span or hold with its own CPU readings (ms, when it read them) and, where the sampler followed
    /// its thread, the wait for a CPU it did not read itself (and CPU time, when it did not read that either).
    /// </summary>
    private void FlushRunning(double? cpu, double? waiting)
    {
        if (_pendingRunning is not { } span) return;
        _pendingRunning = null;
        var duration = span.End - span.Start;
        var estimated = cpu is null;
        if (cpu is null || waiting is null)
        {
            if (_intervals.TryGetValue(span.Thread, out var intervals) && intervals.Count > 0)
            {
                var estimate = CpuEstimates.Overlap(intervals, span.Start, span.End);
                if (estimate.Covered > 0)
                {
                    cpu ??= estimate.Cpu;
                    waiting ??= estimate.Waiting;
                }
            }
        }
        var onCpu = cpu is { } c ? Math.Clamp(c, 0, duration) : (double?)null;
        _segments.Add(new TimelineSegment(span.Thread, span.Start, span.End, SegmentState.Running, span.Label)
        {
            OnCpu = onCpu,
            WaitingForCpu = waiting is { } w && onCpu is { } o ? Math.Clamp(w, 0, Math.Max(0, duration - o)) : null,
            IsCpuEstimated = estimated && onCpu is not null,
        });
    }

    private void AddRelease(object target, int thread, double time)
    {
        if (!_releases.TryGetValue(target, out var list))
            _releases[target] = list = new List<(int, double)>();
        list.Add((thread, time));
    }

    /// <summary>Each wait is linked to the latest release of the same object by another thread while it waited.</summary>
    private void LinkWaitsToReleases()
    {
        foreach (var (wait, target, joined) in _waits)
        {
            if (target is null)
            {
                // Join: the joined thread's last recorded activity is what the joiner waited for.
                var last = _segments.Where(s => s.ThreadId == joined && s.End <= wait.End).Select(s => (double?)s.End).Max();
                if (last is { } end)
                    _flows.Add(new TimelineFlow(joined, end, wait.ThreadId, wait.End, "thread ended"));
                continue;
            }
            if (!_releases.TryGetValue(target, out var releases)) continue;
            // A barrier's last arrival may come before the first arriver's wait begins; other releases must fall inside the wait.
            var best = releases.Where(r => r.Thread != wait.ThreadId && r.Time <= wait.End && (r.Time >= wait.Start || wait.Cause == BlockCause.Barrier))
                .OrderByDescending(r => r.Time).FirstOrDefault();
            if (best != default)
                _flows.Add(new TimelineFlow(best.Thread, best.Time, wait.ThreadId, wait.End, "released " + wait.Label));
        }
    }

    private void AddContentions(IEnumerable<RuntimeContention> contentions)
    {
        foreach (var c in contentions)
        {
            double start = Math.Max(0, Ms(c.StartTimestamp)), end = Ms(c.EndTimestamp);
            if (end < 0) continue; // between the listener starting and time zero: before the recording
            var waiter = ThreadForOsId(c.OsThreadId);
            // A wait already recorded by Timeline.Lock is the same wait seen twice: keep the labelled one.
            if (_segments.Any(s => s.ThreadId == waiter && s.State == SegmentState.Blocked && s.Start < end && start < s.End))
                continue;
            _segments.Add(new TimelineSegment(waiter, start, end, SegmentState.Blocked, "lock contention") { Cause = BlockCause.Contention });
            if (c.OwnerThreadId != 0 && OwnerThread(c.OwnerThreadId) is { } owner && owner != waiter)
                _flows.Add(new TimelineFlow(owner, end, waiter, end, "released lock"));
        }
    }

    // The owner id is the OS id on CoreCLR's Monitor; a managed id on runtimes whose Monitor is managed code.
    private int? OwnerThread(long id) =>
        _threads.FirstOrDefault(t => t.OsThreadId == id)?.ManagedId
        ?? _threads.FirstOrDefault(t => t.ManagedId == id)?.ManagedId;

    /// <summary>The row of a thread known by OS id; threads that never recorded get a row of their own.</summary>
    private int ThreadForOsId(long osId)
    {
        var known = _threads.FirstOrDefault(t => t.OsThreadId == osId && osId != 0);
        if (known is not null) return known.ManagedId;
        var id = -(_threads.Count(t => t.ManagedId < 0) + 1);
        _threads.Add(new TimelineThread(id, "runtime events only", false, false) { OsThreadId = osId });
        return id;
    }

    private List<TimelineAsyncOperation> AsyncOperations()
    {
        var operations = new List<TimelineAsyncOperation>(_asyncSpans);
        foreach (var (op, info) in _tracked)
        {
            // A task whose continuations are always queued (RunContinuationsAsynchronously) may have its completion
            // recorded after the awaiting code already resumed: it finished no later than that resumption.
            var end = info.Resume is { } resumed && (double.IsNaN(info.End) || resumed < info.End) ? resumed : info.End;
            if (double.IsNaN(end)) continue; // completion came after Stop: never finished while recording
            operations.Add(new TimelineAsyncOperation(op.Label, Ms(op.Start), end, op.StartThread, info.EndThread)
            {
                ResumeThreadId = info.ResumeThread,
                ResumeTime = info.Resume,
            });
        }
        operations.Sort((a, b) => a.Start.CompareTo(b.Start));
        return operations;
    }

    private static string? CurrentName(ThreadBuffer buffer)
    {
        // Names are often set after the thread starts recording; read the latest one.
        try
        {
            return buffer.Thread.Name ?? buffer.Info.Name;
        }
        catch (ThreadStateException)
        {
            return buffer.Info.Name;
        }
    }
}
