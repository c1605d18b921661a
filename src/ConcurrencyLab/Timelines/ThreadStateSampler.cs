using System.Collections.Concurrent;
using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Reads every recording thread's CPU clock and run-queue wait (Linux) on a dedicated thread, about every
/// <c>interval</c>, so the timeline can tell running from waiting for a CPU from waiting off a CPU. A thread is
/// added when it first records (its first reading is taken then, by itself), and dropped when it exits.
/// The interval stretches so that sampling never takes more than about 5% of one core.
/// </summary>
/// <remarks>
/// Under load the sampler itself waits for a CPU, for tens of milliseconds at times, and may be preempted in the
/// middle of a tick. So every reading carries the time it was taken (not one time per tick), the stretch is judged
/// by the CPU time a tick used (not its wall time, which a preemption inflates), and a thread that registers never
/// waits for a tick in progress (new threads are handed over through a queue, not a lock the sampler holds).
/// </remarks>
internal sealed class ThreadStateSampler
{
    private const int MaxShareOfOneCore = 20; // wait at least 20× the CPU time a tick took

    private readonly ConcurrentQueue<SchedulerTrack> _added = new();
    private readonly List<SchedulerTrack> _tracks = new(); // the sampler thread's alone (and Stop's, after Join)
    private readonly List<long> _tickTimes = new();
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

    /// <summary>How regularly the ticks came, known once stopped.</summary>
    public SamplerCadence Cadence { get; private set; } = SamplerCadence.None;

    /// <summary>
    /// Starts following a thread; called once by the thread itself, which takes its first reading now. The thread's
    /// own schedstat file is shared when it has one (one descriptor per thread, not two); else the sampler opens it.
    /// </summary>
    public void Add(int managedThreadId, long osThreadId, SchedulerStatFile? shared = null)
    {
        if (osThreadId <= 0 || _stopping) return;
        var track = shared is not null
            ? new SchedulerTrack(managedThreadId, osThreadId, shared, ownsFile: false)
            : new SchedulerTrack(managedThreadId, osThreadId, SchedulerStatFile.TryOpen(osThreadId), ownsFile: true);
        // The sampler sees the track only once it is dequeued, after this first reading: the two never read it at once.
        Read(track, Interlocked.Read(ref _ticks));
        _added.Enqueue(track);
    }

    /// <summary>Stops sampling, takes a last reading of each thread and returns every thread's readings.</summary>
    public IReadOnlyList<SchedulerTrack> Stop()
    {
        _stopping = true;
        _thread.Join();
        Tick();
        foreach (var track in _tracks) track.Close();
        Cadence = SamplerCadence.From(_tickTimes);
        return _tracks.ToArray();
    }

    private void Run()
    {
        while (!_stopping && _owner.TryGetTarget(out _))
        {
            var cpuBefore = ThreadCpuClock.Now();
            Tick();
            var cost = TimeSpan.FromTicks((ThreadCpuClock.Now() - cpuBefore) / 100);
            Thread.Sleep(cost * MaxShareOfOneCore > _interval ? cost * MaxShareOfOneCore : _interval);
        }
    }

    private void Tick()
    {
        while (_added.TryDequeue(out var track)) _tracks.Add(track);
        var tick = Interlocked.Increment(ref _ticks);
        _tickTimes.Add(Stopwatch.GetTimestamp());
        foreach (var track in _tracks)
            if (!track.Finished) Read(track, tick);
    }

    private static void Read(SchedulerTrack track, long tick)
    {
        // The CPU clock first, timed on both sides: reading it brings the thread's accounting up to date.
        var before = Stopwatch.GetTimestamp();
        if (!ThreadCpuClock.TryRead(track.OsThreadId, out var cpu))
        {
            track.Finished = true;
            return;
        }
        var after = Stopwatch.GetTimestamp();
        long waited = 0;
        if (track.StatFile is { } file && !file.TryReadRunQueueWait(out waited))
        {
            track.Finished = true;
            return;
        }
        track.Observe(new SchedulerReading(before, after, cpu, waited, tick));
    }
}
