using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Reads every recording thread's CPU clock and run-queue wait (Linux) on a dedicated thread, about every
/// <c>interval</c>, so the timeline can tell running from waiting for a CPU from waiting off a CPU. A thread is
/// added when it first records (its first reading is taken then, by itself), and dropped when it exits.
/// The interval stretches so that sampling never takes more than about 5% of one core.
/// </summary>
internal sealed class ThreadStateSampler
{
    private const int MaxShareOfOneCore = 20; // wait at least 20× what a tick took

    private readonly object _gate = new();
    private readonly List<SchedulerTrack> _tracks = new();
    private readonly HashSet<int> _known = new();
    private readonly TimeSpan _interval;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _ticks;

    /// <summary>Ticks taken so far (tests wait on it rather than on time).</summary>
    internal long Ticks => Interlocked.Read(ref _ticks);

    // The sampler thread must not outlive a timeline that was started and never stopped, then dropped.
    private readonly WeakReference<object> _owner;

    private ThreadStateSampler(TimeSpan interval, object owner)
    {
        _owner = new WeakReference<object>(owner);
        _interval = interval <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "ConcurrencyLab thread states" };
    }

    /// <summary>A running sampler, or null where other threads' CPU clocks cannot be read (not Linux).</summary>
    public static ThreadStateSampler? TryStart(TimeSpan interval, object owner)
    {
        if (!ThreadCpuClock.CanReadOtherThreads) return null;
        var sampler = new ThreadStateSampler(interval, owner);
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>
    /// Starts following a thread; called once by the thread itself, which takes its first reading now. The thread's
    /// own schedstat file is shared when it has one (one descriptor per thread, not two); else the sampler opens it.
    /// </summary>
    public void Add(int managedThreadId, long osThreadId, SchedulerStatFile? shared = null)
    {
        if (osThreadId <= 0) return;
        lock (_gate)
        {
            if (_stopping || !_known.Add(managedThreadId)) return;
            var track = shared is not null
                ? new SchedulerTrack(managedThreadId, osThreadId, shared, ownsFile: false)
                : new SchedulerTrack(managedThreadId, osThreadId, SchedulerStatFile.TryOpen(osThreadId), ownsFile: true);
            _tracks.Add(track);
            Read(track, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Stops sampling, takes a last reading of each thread and returns every thread's readings.</summary>
    public IReadOnlyList<SchedulerTrack> Stop()
    {
        _stopping = true;
        _thread.Join();
        lock (_gate)
        {
            Tick();
            foreach (var track in _tracks) track.Close();
            return _tracks.ToArray();
        }
    }

    private void Run()
    {
        while (!_stopping && _owner.TryGetTarget(out _))
        {
            var started = Stopwatch.GetTimestamp();
            lock (_gate) Tick();
            var cost = Stopwatch.GetElapsedTime(started);
            var wait = cost * MaxShareOfOneCore > _interval ? cost * MaxShareOfOneCore : _interval;
            Thread.Sleep(wait);
        }
    }

    private void Tick()
    {
        // One timestamp per tick for every thread, so intervals line up across threads.
        var now = Stopwatch.GetTimestamp();
        foreach (var track in _tracks)
            if (!track.Finished) Read(track, now);
        Interlocked.Increment(ref _ticks);
    }

    private static void Read(SchedulerTrack track, long now)
    {
        // The CPU clock first: reading it brings the thread's accounting up to date.
        if (!ThreadCpuClock.TryRead(track.OsThreadId, out var cpu))
        {
            track.Finished = true;
            return;
        }
        long waited = 0;
        if (track.StatFile is { } file && !file.TryReadRunQueueWait(out waited))
        {
            track.Finished = true;
            return;
        }
        track.Observe(new SchedulerReading(now, cpu, waited));
    }
}
