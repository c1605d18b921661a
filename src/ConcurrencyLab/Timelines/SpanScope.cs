using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// An open span; disposing it records the span. A struct so opening and closing allocates nothing.
/// If the block contained an await and ends on another thread, it is recorded as an async operation.
/// </summary>
/// <example><code>using (tl.Span("download 3")) { Download(3); }</code></example>
public readonly struct SpanScope : IDisposable
{
    private readonly Timeline? _timeline;
    private readonly string _label;
    private readonly long _start;
    private readonly int _startThread;
    private readonly CpuReading _cpuStart; // the thread's CPU clock and wait for a CPU at the start, when measured

    internal SpanScope(Timeline timeline, string label, long start, int startThread, CpuReading cpuStart)
    {
        _timeline = timeline;
        _label = label;
        _start = start;
        _startThread = startThread;
        _cpuStart = cpuStart;
    }

    internal SpanScope(Timeline timeline, string label, long start, int startThread)
    {
        _timeline = timeline;
        _label = label;
        _start = start;
        _startThread = startThread;
        _cpuStart = CpuReading.None;
    }

    /// <summary>Ends the span now, on the current thread. Dispose once (a second call records it again).</summary>
    public void Dispose()
    {
        if (_timeline is null) return; // the disabled recorder: one branch
        // A thread's CPU clock means nothing on another thread: a span that hopped is an async operation anyway.
        if (_cpuStart.IsMeasured && Environment.CurrentManagedThreadId == _startThread)
        {
            _timeline.EndWithCpu(EventKind.Span, _start, _label, null, _startThread, _cpuStart);
            return;
        }
        _timeline.Append(EventKind.Span, default, _start, Stopwatch.GetTimestamp(), _label, null, _startThread);
    }
}
