using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Records which thread ran what and when, and when threads were blocked, then shows it as a thread
/// timeline (Gantt: one row per thread) with derived figures and a Perfetto export.
/// </summary>
/// <example><code>
/// var timeline = Timeline.Record(tl =>
/// {
///     Parallel.For(0, 4, i => { using (tl.Span($"item {i}")) Work(i); });
///     tl.Mark("all done");
/// });
/// timeline   // displays the Gantt; timeline.AverageParallelism, timeline.MaxConcurrency, ...
/// </code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed partial class Timeline : IChartDisplayable
{
    // One buffer per thread, found without a lock; a thread recording into two timelines at once
    // falls back to the registry (rare, correct, slower).
    [ThreadStatic] private static ThreadBuffer? t_buffer;

    private readonly List<ThreadBuffer> _buffers = new();
    private readonly TimelineOptions _options;
    private long _origin;
    private readonly double _msPerTick = 1000.0 / Stopwatch.Frequency;
    private volatile bool _recording;
    private long _stopTimestamp;
    private ThreadPoolSampler? _sampler;
    private ThreadStateSampler? _stateSampler;
    private RuntimeEventCollector? _runtimeEvents;
    private readonly bool _measureCpu;
    private TimelineData? _data;

    private Timeline(TimelineOptions options)
    {
        _options = options;
        _measureCpu = options.MeasureCpuTime && ThreadCpuClock.IsSupported;
        Title = "Thread timeline";
        _origin = Stopwatch.GetTimestamp();
    }

    private Timeline(TimelineOptions options, TimelineData data) : this(options) => _data = data;

    /// <summary>Title of the chart.</summary>
    public string Title { get; set; }

    /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
    public bool IsRecording => _recording;

    /// <summary>Starts recording now; call <see cref="Stop"/> when the work is done.</summary>
    /// <example><code>var tl = Timeline.Start(); ... tl.Stop();</code></example>
    public static Timeline Start(TimelineOptions? options = null)
    {
        options ??= TimelineOptions.Default;
        // What the first span of a thread pays for, paid before time zero: compiling the recorder (once per process)
        // and the thread's first 256 KB event chunk, whose allocation on the large object heap can set off a full
        // collection of a big heap (a notebook kernel's: 50–80 ms, which used to open every first chart with a blank).
        WarmUpOnce(options);
        PrepareThisThread();
        var timeline = new Timeline(options);
        // The listener starts first: the runtime only reports contention that begins after it is enabled.
        // Starting it (and the sampler, the first time) takes tens of milliseconds, so time zero is set
        // only once both run: the chart then starts where the user's code starts.
        if (timeline._options.CaptureRuntimeEvents)
            timeline._runtimeEvents = RuntimeEventCollector.TryStart();
        if (timeline._options.SampleThreadPool)
            timeline._sampler = ThreadPoolSampler.Start(timeline._options.SampleInterval);
        if (timeline._options.SampleThreadStates)
            timeline._stateSampler = ThreadStateSampler.TryStart(timeline._options.ThreadStateInterval, timeline);
        timeline._origin = Stopwatch.GetTimestamp();
        timeline._recording = true;
        return timeline;
    }

    private static int s_warmedUp;

    /// <summary>Records one span and one hold, once per process, so the recorder's code is compiled before a real recording starts.</summary>
    private static void WarmUpOnce(TimelineOptions options)
    {
        if (Interlocked.Exchange(ref s_warmedUp, 1) != 0) return;
        var gate = new object();
        Record(tl =>
        {
            using (tl.Span("warm-up")) { }
            using (tl.Lock(gate, "warm-up")) { }
        }, options with { CaptureRuntimeEvents = false, SampleThreadPool = false });
    }

    /// <summary>Gives the calling thread a spare event chunk (its last recording's, if that one is decoded) for its first span.</summary>
    private static void PrepareThisThread()
    {
        var previous = t_buffer;
        if (previous is not null && previous.Owner.IsDecoded)
            previous.RecycleChunks();
        ThreadBuffer.EnsureSpareChunk();
    }

    /// <summary>Records <paramref name="work"/> and returns the stopped timeline, also when the work throws (then rethrows).</summary>
    /// <example><code>var timeline = Timeline.Record(tl => { using (tl.Span("load")) Load(); });</code></example>
    public static Timeline Record(Action<Timeline> work, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var timeline = Start(options);
        try
        {
            work(timeline);
        }
        finally
        {
            timeline.Stop();
        }
        return timeline;
    }

    /// <summary>
    /// Records uninstrumented code: the timeline then holds what the runtime reports by itself
    /// (lock contention with its releaser, thread-pool growth and queue length).
    /// </summary>
    /// <example><code>var timeline = Timeline.Record(() => Parallel.For(0, 100, i => { lock (gate) total += i; }));</code></example>
    public static Timeline Record(Action work, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Record(_ => work(), options);
    }

    /// <summary>Records uninstrumented async code (runtime events and thread-pool samples only).</summary>
    public static Task<Timeline> RecordAsync(Func<Task> work, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RecordAsync(_ => work(), options);
    }

    /// <summary>Records async work, whose continuations may run on any thread, and returns the stopped timeline.</summary>
    /// <example><code>var timeline = await Timeline.RecordAsync(async tl => await tl.Track(FetchAsync(), "fetch"));</code></example>
    public static async Task<Timeline> RecordAsync(Func<Timeline, Task> work, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var timeline = Start(options);
        try
        {
            await work(timeline).ConfigureAwait(false);
        }
        finally
        {
            timeline.Stop();
        }
        return timeline;
    }

    /// <summary>
    /// Stops recording, waits for the runtime's delayed events, and decodes everything into
    /// threads, segments, marks and flows. Calling it again does nothing.
    /// </summary>
    public Timeline Stop()
    {
        if (_data is not null) return this;
        FlushTrackedCompletions();
        _recording = false;
        _stopTimestamp = Stopwatch.GetTimestamp();
        var samples = _sampler?.Stop(_origin) ?? Array.Empty<ThreadPoolSample>();
        var schedulerTracks = _stateSampler?.Stop() ?? Array.Empty<SchedulerTrack>();
        var cadence = _stateSampler?.Cadence ?? SamplerCadence.None;
        RuntimeEventBatch? runtime = null;
        if (_runtimeEvents is not null)
        {
            runtime = _runtimeEvents.FlushAndStop(_options.RuntimeEventFlushTimeout);
            _runtimeEvents = null;
        }
        ThreadBuffer[] buffers;
        lock (_buffers)
        {
            buffers = _buffers.ToArray();
            foreach (var buffer in buffers) buffer.CloseStatFile();
            // The raw events are decoded now; dropping them halves what a big timeline keeps in memory.
            _buffers.Clear();
        }
        var cpu = new CpuTimeSources(_measureCpu, _stateSampler is not null, _options.ThreadStateInterval.TotalMilliseconds, DescribeCpuTime(cadence))
        {
            Cadence = cadence,
        };
        Volatile.Write(ref _data, TimelineDecoder.Decode(buffers, runtime, samples, schedulerTracks, cpu, _origin, _msPerTick, Ms(_stopTimestamp)));
        return this;
    }

    /// <summary>
    /// Opens a span on the current thread; dispose it (with <c>using</c>) to record it. Unless
    /// <see cref="TimelineOptions.MeasureCpuTime"/> is off, the span also learns how long its thread was on a CPU.
    /// </summary>
    /// <example><code>using (tl.Span("download 3")) { ... }</code></example>
    public SpanScope Span(string label)
    {
        if (!_recording) return default;
        if (!_measureCpu && _stateSampler is null) return new SpanScope(this, label, Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId);
        return OpenCpuSpan(label);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private SpanScope OpenCpuSpan(string label)
    {
        // Registered now, not when the span ends, so the sampler follows the thread through its first span.
        var buffer = BufferOfThisThread();
        var start = Stopwatch.GetTimestamp();
        // Wall time first, CPU last (and the reverse at the end): the span's wall interval encloses its CPU readings.
        return _measureCpu
            ? new SpanScope(this, label, start, Environment.CurrentManagedThreadId, buffer.ReadCpu())
            : new SpanScope(this, label, start, Environment.CurrentManagedThreadId);
    }

    /// <summary>The CPU readings for a hold that starts now, or none when CPU time is not measured.</summary>
    internal CpuReading CpuStartForHold() => _measureCpu && _recording ? BufferOfThisThread().ReadCpu() : CpuReading.None;

    /// <summary>The calling thread's buffer, registered now if this is its first event (so the sampler follows it from here).</summary>
    private ThreadBuffer BufferOfThisThread()
    {
        var buffer = t_buffer;
        return buffer is not null && ReferenceEquals(buffer.Owner, this) ? buffer : Register();
    }

    /// <summary>Records a span or hold that read the CPU clock when it began; ends it now with a second reading.</summary>
    internal void EndWithCpu(EventKind kind, long start, string label, object? target, int extra, CpuReading from)
    {
        if (!_recording) return;
        var buffer = BufferOfThisThread();
        var now = buffer.ReadCpu();
        var end = Stopwatch.GetTimestamp();
        buffer.Add(kind, default, start, end, label, target, extra);
        buffer.AddCpuTime(now.Cpu - from.Cpu, from.RunQueue >= 0 && now.RunQueue >= 0 ? now.RunQueue - from.RunQueue : -1);
    }

    /// <summary>How CPU time is known in this recording, in words for the summary.</summary>
    private string DescribeCpuTime(SamplerCadence cadence)
    {
        if (!_options.MeasureCpuTime && _stateSampler is null)
            return "CPU time not measured (TimelineOptions.MeasureCpuTime and SampleThreadStates are off)";
        if (!_measureCpu && _stateSampler is null)
            return "CPU time not measured: " + ThreadCpuClock.UnsupportedReason;
        var parts = new List<string>();
        if (_measureCpu) parts.Add("per span from the thread's CPU clock");
        if (_stateSampler is not null)
        {
            var asked = _options.ThreadStateInterval.TotalMilliseconds;
            var sampled = string.Create(CultureInfo.InvariantCulture, $"running / waiting for a CPU sampled from the scheduler every {asked:0.#} ms");
            // Under load the sampler waits for a CPU too: say how far behind it fell when that changes what the chart can show.
            if (cadence.Ticks >= 2 && (cadence.MedianGapMs > 2 * asked || cadence.LongestGapMs > Math.Max(10, 20 * asked)))
                sampled += string.Create(CultureInfo.InvariantCulture, $" (achieved: median {cadence.MedianGapMs:0.#} ms apart, longest gap {cadence.LongestGapMs:0} ms)");
            parts.Add(sampled);
        }
        else if (OperatingSystem.IsLinux())
            parts.Add("thread states not sampled (TimelineOptions.SampleThreadStates is off), so waiting for a CPU is not told apart");
        else
            parts.Add("waiting for a CPU is not measured on this OS (Linux only)");
        return "CPU time " + string.Join("; ", parts);
    }

    /// <summary>Records an instant on the current thread, e.g. <c>tl.Mark("cancel requested")</c>.</summary>
    public void Mark(string label)
    {
        if (!_recording) return;
        var now = Stopwatch.GetTimestamp();
        Append(EventKind.Mark, default, now, now, label, null, 0);
    }

    /// <summary>
    /// Records the value of a counter of your own (a queue's depth, items in flight) at this moment; each counter
    /// becomes a step line under the thread rows, on the timeline's own clock.
    /// </summary>
    /// <example><code>queue.Add(item); tl.Counter("queue depth", queue.Count);</code></example>
    public void Counter(string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_recording) return;
        // The event has no value field: the value's bits ride in the end timestamp, which a counter does not need.
        Append(EventKind.Counter, default, Stopwatch.GetTimestamp(), BitConverter.DoubleToInt64Bits(value), name, null, 0);
    }

    /// <summary>Sleeps the current thread and records it as a sleeping segment.</summary>
    public void Sleep(int milliseconds) => Sleep(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Sleeps the current thread and records it as a sleeping segment.</summary>
    public void Sleep(TimeSpan duration)
    {
        var start = Stopwatch.GetTimestamp();
        Thread.Sleep(duration);
        if (_recording)
            Append(EventKind.Sleep, default, start, Stopwatch.GetTimestamp(),
                string.Create(CultureInfo.InvariantCulture, $"Sleep({duration.TotalMilliseconds:0.###} ms)"), null, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Append(EventKind kind, BlockCause cause, long start, long end, string label, object? target, int extra)
    {
        if (!_recording) return;
        var buffer = t_buffer;
        if (buffer is null || !ReferenceEquals(buffer.Owner, this))
            buffer = Register(); // once per thread (not inlined: it takes a lock and allocates)
        buffer.Add(kind, cause, start, end, label, target, extra);
    }

    /// <summary>The thread-state sampler while recording (null where states are not sampled); for tests.</summary>
    internal ThreadStateSampler? StateSampler => _stateSampler;

    /// <summary>True once Stop has decoded the raw events, so their buffers are no longer read.</summary>
    internal bool IsDecoded => Volatile.Read(ref _data) is not null;

    internal double Ms(long timestamp) => (timestamp - _origin) * _msPerTick;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ThreadBuffer Register()
    {
        var thread = Thread.CurrentThread;
        // This thread's buffer of an earlier, decoded timeline is finished with: reuse its memory.
        var previous = t_buffer;
        if (previous is not null && previous.Owner.IsDecoded)
            previous.RecycleChunks();
        ThreadBuffer? buffer;
        lock (_buffers)
        {
            buffer = _buffers.Find(b => ReferenceEquals(b.Thread, thread));
            if (buffer is null)
            {
                buffer = new ThreadBuffer(this, thread, _options.MaxEventsPerThread, readRunQueueWait: _measureCpu);
                _buffers.Add(buffer);
                _stateSampler?.Add(buffer.ManagedId, buffer.Info.OsThreadId, buffer.StatFile);
            }
        }
        t_buffer = buffer;
        return buffer;
    }

    private TimelineData Data => _data ?? throw new InvalidOperationException(
        "The timeline is still recording: call Stop() first (Timeline.Record and RecordAsync stop it for you, and a #!timeline cell when the cell ends: read its figures in a later cell).");
}
