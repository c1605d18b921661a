namespace ConcurrencyLab.Timelines;

/// <summary>
/// The scheduler readings of one recording thread. Readings that change nothing (a blocked thread) are not kept,
/// except the last one before a change, so every kept interval with CPU time in it is one sampling interval long.
/// </summary>
internal sealed class SchedulerTrack
{
    private readonly List<SchedulerReading> _readings = new();
    private SchedulerReading? _unchanged;

    private readonly bool _ownsFile;

    public SchedulerTrack(int managedThreadId, long osThreadId, SchedulerStatFile? statFile, bool ownsFile)
    {
        ManagedThreadId = managedThreadId;
        OsThreadId = osThreadId;
        StatFile = statFile;
        _ownsFile = ownsFile;
    }

    public int ManagedThreadId { get; }
    public long OsThreadId { get; }
    public SchedulerStatFile? StatFile { get; }

    /// <summary>False without a schedstat file: then only CPU time is known, not the wait for a CPU.</summary>
    public bool HasRunQueueWait => StatFile is not null;

    /// <summary>Set once a reading failed: the thread exited.</summary>
    public bool Finished { get; set; }

    public IReadOnlyList<SchedulerReading> Readings => _readings;

    public void Observe(SchedulerReading reading)
    {
        if (_readings.Count > 0)
        {
            var last = _unchanged ?? _readings[^1];
            if (last.CpuNanoseconds == reading.CpuNanoseconds && last.RunQueueNanoseconds == reading.RunQueueNanoseconds)
            {
                _unchanged = reading;
                return;
            }
            if (_unchanged is { } quiet) _readings.Add(quiet);
            _unchanged = null;
        }
        _readings.Add(reading);
    }

    /// <summary>Keeps the last quiet reading too, so the track ends where sampling ended.</summary>
    public void Close()
    {
        if (_unchanged is { } quiet) _readings.Add(quiet);
        _unchanged = null;
        if (_ownsFile) StatFile?.Dispose();
    }
}
