using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Listens in-process to the runtime's own events: Monitor contention (keyword 0x4000, with the lock
/// owner's thread on .NET 8+) and thread-pool worker adjustments (keyword 0x10000, with the reason).
/// The runtime delivers them late and on its own thread, so <see cref="FlushAndStop"/> provokes one
/// known contention and waits until it arrives: everything before it has arrived too.
/// </summary>
internal sealed class RuntimeEventCollector : EventListener
{
    private const string RuntimeSourceName = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords ContentionKeyword = (EventKeywords)0x4000;
    private const EventKeywords ThreadingKeyword = (EventKeywords)0x10000;

    // Names of the runtime's ThreadAdjustmentReason values, in order.
    private static readonly string[] AdjustmentReasons =
    {
        "Warmup", "Initializing", "RandomMove", "ClimbingMove", "ChangePoint", "Stabilizing", "Starvation", "ThreadTimedOut", "CooperativeBlocking",
    };

    private readonly object _gate = new();
    private readonly Dictionary<long, (long Start, long Owner)> _open = new();
    private readonly RuntimeEventBatch _batch = new();
    private readonly long _utcReference = DateTime.UtcNow.Ticks;
    private readonly long _stopwatchReference = Stopwatch.GetTimestamp();
    private long _sentinelOsThread = -1;
    private bool _sentinelSeen;
    private bool _constructed;
    private EventSource? _pendingSource;

    private RuntimeEventCollector()
    {
        // OnEventSourceCreated runs inside the base constructor, before this one: enable any source seen then, now.
        _constructed = true;
        if (_pendingSource is not null) Enable(_pendingSource);
    }

    /// <summary>A started collector, or null where EventListener is unsupported (then the timeline simply has no runtime events).</summary>
    public static RuntimeEventCollector? TryStart()
    {
        try
        {
            return new RuntimeEventCollector();
        }
        catch (Exception e) when (e is NotSupportedException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    public RuntimeEventBatch FlushAndStop(TimeSpan timeout)
    {
        ProvokeSentinelContention();
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!SentinelSeen && Stopwatch.GetTimestamp() < deadline)
            Thread.Sleep(5);
        Dispose();
        lock (_gate)
        {
            if (!_sentinelSeen)
                _batch.Problem = $"runtime events may be incomplete: none arrived within {timeout.TotalSeconds:0.#} s";
            return _batch;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name != RuntimeSourceName) return;
        if (_constructed) Enable(eventSource);
        else _pendingSource = eventSource;
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "ContentionStart":
                lock (_gate) _open[e.OSThreadId] = (ToStopwatch(e.TimeStamp), ReadLong(e, "LockOwnerThreadID"));
                break;
            case "ContentionStop":
                OnContentionStop(e);
                break;
            case "ThreadPoolWorkerThreadAdjustmentAdjustment":
                var reason = (int)ReadLong(e, "Reason");
                var name = reason >= 0 && reason < AdjustmentReasons.Length ? AdjustmentReasons[reason] : "Reason " + reason;
                lock (_gate) _batch.Adjustments.Add((ToStopwatch(e.TimeStamp), (int)ReadLong(e, "NewWorkerThreadCount"), name));
                break;
        }
    }

    private bool SentinelSeen
    {
        get { lock (_gate) return _sentinelSeen; }
    }

    private void Enable(EventSource source) =>
        EnableEvents(source, EventLevel.Informational, ContentionKeyword | ThreadingKeyword);

    private void OnContentionStop(EventWrittenEventArgs e)
    {
        var end = ToStopwatch(e.TimeStamp);
        lock (_gate)
        {
            if (e.OSThreadId == Volatile.Read(ref _sentinelOsThread))
            {
                _sentinelSeen = true;
                return;
            }
            if (!_open.Remove(e.OSThreadId, out var open))
                return; // started before we listened: its start time is unknown, so it is left out
            _batch.Contentions.Add(new RuntimeContention(e.OSThreadId, open.Start, end, open.Owner));
        }
    }

    /// <summary>Two threads fight over a private lock long enough for the runtime to report it.</summary>
    private void ProvokeSentinelContention()
    {
        var gate = new object();
        using var holding = new ManualResetEventSlim();
        var contender = new Thread(() =>
        {
            Volatile.Write(ref _sentinelOsThread, OsThread.CurrentId());
            holding.Wait();
            lock (gate) { }
        }) { IsBackground = true, Name = "ConcurrencyLab flush" };
        lock (gate)
        {
            contender.Start();
            holding.Set();
            Thread.Sleep(30); // long enough that the contender stops spinning and really waits
        }
        contender.Join();
    }

    private long ToStopwatch(DateTime utc) =>
        _stopwatchReference + (long)((utc.ToUniversalTime().Ticks - _utcReference) * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond);

    private static long ReadLong(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames?.IndexOf(name) ?? -1;
        if (index < 0 || e.Payload is null || index >= e.Payload.Count) return 0;
        return e.Payload[index] switch
        {
            ulong u => (long)u,
            long l => l,
            uint u => u,
            int i => i,
            ushort s => s,
            _ => 0,
        };
    }
}
