using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>A <see cref="SemaphoreSlim"/> slot taken through <see cref="Timeline.Enter"/>; disposing records the hold and releases the slot.</summary>
/// <example><code>using (tl.Enter(throttle, "download")) { Download(); }</code></example>
public readonly struct SemaphoreHold : IDisposable
{
    private readonly Timeline? _timeline;
    private readonly SemaphoreSlim _semaphore;
    private readonly string _label;
    private readonly long _start;
    private readonly int _thread;

    internal SemaphoreHold(Timeline? timeline, SemaphoreSlim semaphore, string label, long start, int thread)
    {
        _timeline = timeline;
        _semaphore = semaphore;
        _label = label;
        _start = start;
        _thread = thread;
    }

    /// <summary>Records the hold, then releases the semaphore once.</summary>
    public void Dispose()
    {
        if (_semaphore is null) return;
        _timeline?.Append(EventKind.Hold, default, _start, Stopwatch.GetTimestamp(), _label, _semaphore, _thread);
        _semaphore.Release();
    }
}
