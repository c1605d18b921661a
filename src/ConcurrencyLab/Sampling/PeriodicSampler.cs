namespace ConcurrencyLab.Sampling;

/// <summary>
/// Calls a sampling callback on a dedicated background thread at a fixed interval until stopped, or until the
/// callback returns false. A dedicated thread rather than a timer, because the thread pool is often the very
/// thing being observed (starved, growing) and a pool timer would be delayed along with it.
/// </summary>
internal sealed class PeriodicSampler
{
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private readonly Func<bool> _tick;

    /// <summary>Prepares the sampler; <paramref name="tick"/> returns false to stop sampling early.</summary>
    public PeriodicSampler(string threadName, TimeSpan interval, Func<bool> tick)
    {
        _interval = interval;
        _tick = tick;
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
    }

    /// <summary>Starts calling the callback, first after one interval.</summary>
    public void Start() => _thread.Start();

    /// <summary>Stops and waits for the sampling thread, so the caller may read what it collected without a lock.</summary>
    public void Stop()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.Wait(_interval) && _tick()) { }
    }
}
