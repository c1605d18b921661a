using System.Diagnostics;
using ConcurrencyLab.Sampling;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Samples the thread pool's size and queue length on a dedicated thread: a timer callback would run
/// on the pool itself and go quiet exactly when the pool is starved.
/// </summary>
internal sealed class ThreadPoolSampler
{
    private readonly List<(long Timestamp, int Threads, long Pending)> _samples = new();
    private readonly PeriodicSampler _sampler;

    private ThreadPoolSampler(TimeSpan interval)
    {
        var every = interval <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : interval;
        _sampler = new PeriodicSampler("ConcurrencyLab sampler", every, () => { Sample(); return true; });
    }

    public static ThreadPoolSampler Start(TimeSpan interval)
    {
        var sampler = new ThreadPoolSampler(interval);
        sampler.Sample();
        sampler._sampler.Start();
        return sampler;
    }

    /// <summary>Stops sampling and returns the samples in ms since <paramref name="origin"/> (the first one clamped to 0).</summary>
    public IReadOnlyList<ThreadPoolSample> Stop(long origin)
    {
        _sampler.Stop();
        Sample();
        var msPerTick = 1000.0 / Stopwatch.Frequency;
        return _samples.Select(s => new ThreadPoolSample(Math.Max(0, (s.Timestamp - origin) * msPerTick), s.Threads, s.Pending)).ToArray();
    }


    // Only the sampler thread calls this while running; Stop calls it after Join, so no lock is needed.
    private void Sample() =>
        _samples.Add((Stopwatch.GetTimestamp(), ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount));
}
