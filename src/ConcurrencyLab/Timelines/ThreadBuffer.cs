using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// The events one thread recorded into one timeline. Only the owning thread writes, so no lock:
/// the reader (Stop) sees a consistent prefix because chunks and table entries are published before
/// the count. Chunks are never copied when growing; 8192 × 32 B lands each on the large object heap.
/// </summary>
internal sealed class ThreadBuffer
{
    private const int ChunkSize = 8192;
    private const int MaxSpareChunks = 32; // 8 MiB (32 × 8192 × 32 B) kept per thread for its next recording

    // Chunks of this thread's decoded timelines, kept for its next recording: in a VM, touching fresh
    // memory for the first time costs about as much as recording the span itself. Only the owning
    // thread ever touches its spares, so they need no lock.
    [ThreadStatic] private static Stack<RecordedEvent[]>? t_spareChunks;

    private RecordedEvent[][] _chunks = new RecordedEvent[4][];
    private RecordedEvent[] _current;
    private int _chunkCount = 1;
    private int _slot;
    private int _count;
    private readonly int _limit;

    // Labels are interned per thread by reference: a loop reusing one literal adds one entry in total.
    private string[] _labels = new string[16];
    private int _labelCount;
    private string? _lastLabel;
    private int _lastLabelIndex;
    private readonly List<object> _targets = new() { null! }; // index 0 means "no target"

    public ThreadBuffer(Timeline owner, Thread thread, int limit, bool readRunQueueWait = false)
    {
        Owner = owner;
        Thread = thread;
        _limit = limit;
        _current = NewChunk();
        _chunks[0] = _current;
        Info = new TimelineThread(thread.ManagedThreadId, thread.Name, thread.IsThreadPoolThread, thread.IsBackground)
        {
            OsThreadId = OsThread.CurrentId(),
        };
        if (readRunQueueWait) _statFile = SchedulerStatFile.TryOpen(Info.OsThreadId);
    }

    private readonly SchedulerStatFile? _statFile;

    /// <summary>The thread's schedstat file, shared with the state sampler (pread at offset 0 needs no position of its own).</summary>
    public SchedulerStatFile? StatFile => _statFile;

    /// <summary>This thread's CPU clock and wait for a CPU so far; call on the owning thread only.</summary>
    public CpuReading ReadCpu()
    {
        var cpu = ThreadCpuClock.Now();
        return new CpuReading(cpu, _statFile is not null && _statFile.TryReadRunQueueWait(out var waited) ? waited : -1);
    }

    /// <summary>Closes the thread's schedstat file once the recording has stopped.</summary>
    public void CloseStatFile() => _statFile?.Dispose();

    public Timeline Owner { get; }
    public Thread Thread { get; }
    public int ManagedId => Info.ManagedId;
    public TimelineThread Info { get; }
    public long Dropped { get; private set; }
    public int Count => Volatile.Read(ref _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(EventKind kind, BlockCause cause, long start, long end, string label, object? target, int extra)
    {
        if (_slot == ChunkSize && !NextChunk())
            return;
        ref var e = ref _current[_slot++];
        e.Start = start;
        e.End = end;
        e.Label = ReferenceEquals(label, _lastLabel) ? _lastLabelIndex : AddLabel(label);
        e.Target = target is null ? 0 : AddTarget(target);
        e.Extra = extra;
        e.Kind = kind;
        e.Cause = cause;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Writes the CPU time and wait for a CPU (-1: unknown) of the span or hold just added (see <see cref="EventKind.CpuTime"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddCpuTime(long cpuNanoseconds, long runQueueNanoseconds)
    {
        // Part of the span just added: when there is no room it goes without a word (the span itself was counted).
        if (_slot == ChunkSize && !NextChunk(countDrop: false))
            return;
        ref var e = ref _current[_slot++];
        e.Start = cpuNanoseconds;
        e.End = runQueueNanoseconds;
        e.Label = 0;
        e.Target = 0;
        e.Extra = 0;
        e.Kind = EventKind.CpuTime;
        e.Cause = default;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Events written so far, in recording order (called after recording stopped).</summary>
    public IEnumerable<RawEvent> Events()
    {
        var count = Count;
        var chunks = Volatile.Read(ref _chunks);
        var labels = Volatile.Read(ref _labels);
        object[] targets;
        lock (_targets) targets = _targets.ToArray();
        for (var i = 0; i < count; i++)
        {
            var e = chunks[i / ChunkSize][i % ChunkSize];
            yield return new RawEvent(e.Kind, e.Cause, e.Start, e.End, labels[e.Label], e.Target == 0 ? null : targets[e.Target], e.Extra);
        }
    }

    /// <summary>Makes sure the calling thread holds a spare chunk, allocating one now if it has none.</summary>
    public static void EnsureSpareChunk()
    {
        var spare = t_spareChunks ??= new Stack<RecordedEvent[]>();
        if (spare.Count == 0) spare.Push(GC.AllocateUninitializedArray<RecordedEvent>(ChunkSize));
    }

    /// <summary>Spare chunks held by the calling thread (for tests).</summary>
    internal static int SpareChunksOnThisThread => t_spareChunks?.Count ?? 0;

    /// <summary>
    /// Hands this buffer's chunks to the calling thread's spares. Call only on the owning thread, once
    /// the timeline has been decoded: then nothing reads or writes them any more.
    /// </summary>
    public void RecycleChunks()
    {
        if (_chunkCount == 0) return;
        var spare = t_spareChunks ??= new Stack<RecordedEvent[]>();
        for (var i = 0; i < _chunkCount && spare.Count < MaxSpareChunks; i++)
            spare.Push(_chunks[i]);
        _chunks = Array.Empty<RecordedEvent[]>();
        _chunkCount = 0;
    }

    // No zeroing: every slot is fully written before the count makes it visible.
    private static RecordedEvent[] NewChunk() =>
        t_spareChunks is { Count: > 0 } spare ? spare.Pop() : GC.AllocateUninitializedArray<RecordedEvent>(ChunkSize);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddLabel(string label)
    {
        if (_labelCount == _labels.Length)
        {
            var grown = new string[_labels.Length * 2];
            Array.Copy(_labels, grown, _labelCount);
            Volatile.Write(ref _labels, grown);
        }
        _labels[_labelCount] = label;
        _lastLabel = label;
        _lastLabelIndex = _labelCount;
        return _labelCount++;
    }

    // Targets come only from the blocking helpers and tracked tasks, never from plain spans.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddTarget(object target)
    {
        lock (_targets)
        {
            _targets.Add(target);
            return _targets.Count - 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NextChunk(bool countDrop = true)
    {
        if (_count >= _limit)
        {
            if (countDrop) Dropped++;
            return false;
        }
        var chunk = NewChunk();
        if (_chunkCount == _chunks.Length)
        {
            var grown = new RecordedEvent[_chunks.Length * 2][];
            Array.Copy(_chunks, grown, _chunkCount);
            Volatile.Write(ref _chunks, grown);
        }
        _chunks[_chunkCount++] = chunk;
        _current = chunk;
        _slot = 0;
        return true;
    }
}
