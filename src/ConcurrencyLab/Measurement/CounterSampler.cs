using ConcurrencyLab.Sampling;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// Reads the counters on a dedicated thread (not a pool thread, so it neither perturbs nor waits for the pool)
/// every interval, from <see cref="Start"/> until <see cref="Stop"/> or until the budget is spent.
/// </summary>
internal sealed class CounterSampler
{
    private readonly ITimestampClock _clock;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _budget;
    private readonly List<CounterSample> _samples = new();
    private readonly PeriodicSampler _sampler;
    private long _started;
    private long _baseContentions;
    private long _baseCompleted;

    public CounterSampler(ITimestampClock clock, TimeSpan interval, TimeSpan budget)
    {
        _clock = clock;
        _interval = interval;
        _budget = budget;
        _sampler = new PeriodicSampler("ConcurrencyLab counter sampler", interval, Tick);
    }

    /// <summary>Whether sampling stopped because the budget ran out while the code was still running.</summary>
    public bool BudgetCut { get; private set; }

    /// <summary>Takes the first sample on the calling thread (time zero) and starts the sampling thread.</summary>
    public void Start()
    {
        _started = _clock.GetTimestamp();
        _baseContentions = Monitor.LockContentionCount;
        _baseCompleted = ThreadPool.CompletedWorkItemCount;
        Take(TimeSpan.Zero);
        _sampler.Start();
    }

    /// <summary>Stops the thread and takes the last sample, unless the budget already ended sampling.</summary>
    public void Stop()
    {
        Duration = Elapsed();
        _sampler.Stop();
        // A tick that raced with the end of the code belongs to after it: the final sample replaces it.
        _samples.RemoveAll(sample => sample.Time > Duration);
        if (!BudgetCut) Take(Duration);
    }

    /// <summary>The samples taken (complete once <see cref="Stop"/> returned).</summary>
    public IReadOnlyList<CounterSample> Samples => _samples;

    /// <summary>From <see cref="Start"/> to <see cref="Stop"/>: how long the sampled code ran.</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>The time between samples.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>The most time sampling may cover.</summary>
    public TimeSpan Budget => _budget;

    private bool Tick()
    {
        if (Elapsed() > _budget)
        {
            BudgetCut = true;
            return false;
        }
        Take(Elapsed());
        return true;
    }

    private TimeSpan Elapsed() => TimeSpan.FromSeconds((_clock.GetTimestamp() - _started) / (double)_clock.Frequency);

    private void Take(TimeSpan time)
    {
        // Contentions first: reading them can queue a work item (see RuntimeCounters.Read).
        long contentions = Monitor.LockContentionCount - _baseContentions;
        long completed = ThreadPool.CompletedWorkItemCount - _baseCompleted;
        var sample = new CounterSample(time, ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount,
            completed, contentions, GC.GetTotalMemory(forceFullCollection: false));
        // Only the sampling thread appends between Start and Stop, and Stop joins it first, so no lock is needed.
        _samples.Add(sample);
    }
}
