using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>A lock entered through <see cref="Timeline.Lock"/>; disposing records the hold and exits the lock.</summary>
/// <example><code>using (tl.Lock(gate, "update total")) { total += x; }</code></example>
public readonly struct HeldLock : IDisposable
{
    private readonly Timeline? _timeline;
    private readonly object _gate;
    private readonly string _label;
    private readonly long _start;
    private readonly int _thread;

    internal HeldLock(Timeline? timeline, object gate, string label, long start, int thread)
    {
        _timeline = timeline;
        _gate = gate;
        _label = label;
        _start = start;
        _thread = thread;
    }

    /// <summary>Records the hold (its end is the release point of "released by" lines), then exits the lock.</summary>
    public void Dispose()
    {
        if (_gate is null) return;
        // Timestamp before Monitor.Exit, so the release is never drawn after the waiter woke up.
        _timeline?.Append(EventKind.Hold, default, _start, Stopwatch.GetTimestamp(), _label, _gate, _thread);
        Monitor.Exit(_gate);
    }
}
