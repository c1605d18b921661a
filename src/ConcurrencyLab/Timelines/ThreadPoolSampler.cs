using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Samples the thread pool's size and queue length on a dedicated thread: a timer callback would run
/// on the pool itself and go quiet exactly when the pool is starved.
/// </summary>
internal sealed class ThreadPoolSampler
{
    private readonly List<(long Timestamp, int Threads, long Pending)> _samples = new();
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;
    private readonly TimeSpan _interval;

    private ThreadPoolSampler(TimeSpan interval)
    {
        _interval = interval <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "ConcurrencyLab sampler" };
    }

    public static ThreadPoolSampler Start(TimeSpan interval)
    {
        var sampler = new ThreadPoolSampler(interval);
        sampler.Sample();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Stops sampling and returns the samples in ms since <paramref name="origin"/> (the first one clamped to 0).</summary>
    public IReadOnlyList<ThreadPoolSample> Stop(long origin)
    {
        _stop.Set();
        _thread.Join();
        Sample();
        var msPerTick = 1000.0 / Stopwatch.Frequency;
        return _samples.Select(s => new ThreadPoolSample(Math.Max(0, (s.Timestamp - origin) * msPerTick), s.Threads, s.Pending)).ToArray();
    }

    private void Run()
    {
        while (!_stop.Wait(_interval))
            Sample();
    }

    // Only the sampler thread calls this while running; Stop calls it after Join, so no lock is needed.
    private void Sample() =>
        _samples.Add((Stopwatch.GetTimestamp(), ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount));
}
