using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// A lock (<see cref="Timeline.Lock"/>) or semaphore slot (<see cref="Timeline.Enter"/>) taken through a
/// timeline helper; disposing records the hold (its end is where "released by" lines start) and releases it.
/// </summary>
/// <example><code>using (tl.Lock(gate, "update total")) { total += x; }</code></example>
public readonly struct HeldScope : IDisposable
{
    private readonly Timeline? _timeline;
    private readonly object _held;
    private readonly string _label;
    private readonly long _start;
    private readonly int _thread;
    private readonly CpuReading _cpuStart; // the thread's CPU clock and wait for a CPU when the hold began, when measured

    internal HeldScope(Timeline? timeline, object held, string label, long start, int thread, CpuReading cpuStart)
    {
        _timeline = timeline;
        _held = held;
        _label = label;
        _start = start;
        _thread = thread;
        _cpuStart = cpuStart;
    }

    /// <summary>Records the hold, then exits the lock or releases the semaphore slot once.</summary>
    public void Dispose()
    {
        if (_held is null) return;
        // Timestamp before releasing, so the release is never drawn after the waiter woke up.
        if (_timeline is not null && _cpuStart.IsMeasured && Environment.CurrentManagedThreadId == _thread)
            _timeline.EndWithCpu(EventKind.Hold, _start, _label, _held, _thread, _cpuStart);
        else
            _timeline?.Append(EventKind.Hold, default, _start, Stopwatch.GetTimestamp(), _label, _held, _thread);
        if (_held is SemaphoreSlim semaphore) semaphore.Release();
        else Monitor.Exit(_held);
    }
}
