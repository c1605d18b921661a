using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// The events one thread recorded into one timeline. Only the owning thread writes, so no lock:
/// the reader (Stop) sees a consistent prefix because chunks are published before the count.
/// Chunks are never copied or moved when growing; 8192 × 40 B lands them on the large object heap.
/// </summary>
internal sealed class ThreadBuffer
{
    private const int ChunkSize = 8192;

    private RecordedEvent[][] _chunks = new RecordedEvent[4][];
    private RecordedEvent[] _current;
    private int _chunkCount = 1;
    private int _slot;
    private int _count;
    private readonly int _limit;

    public ThreadBuffer(Timeline owner, Thread thread, int limit)
    {
        Owner = owner;
        Thread = thread;
        _limit = limit;
        _current = new RecordedEvent[ChunkSize];
        _chunks[0] = _current;
        Info = new TimelineThread(thread.ManagedThreadId, thread.Name, thread.IsThreadPoolThread, thread.IsBackground)
        {
            OsThreadId = OsThread.CurrentId(),
        };
    }

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
        e.Label = label;
        // Chunks start zeroed and are written once, so skipping a null store saves a GC write barrier.
        if (target is not null) e.Target = target;
        e.Extra = extra;
        e.Kind = kind;
        e.Cause = cause;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>Events written so far, in recording order (called after recording stopped).</summary>
    public IEnumerable<RecordedEvent> Events()
    {
        var count = Count;
        var chunks = Volatile.Read(ref _chunks);
        for (var i = 0; i < count; i++)
            yield return chunks[i / ChunkSize][i % ChunkSize];
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NextChunk()
    {
        if (_count >= _limit)
        {
            Dropped++;
            return false;
        }
        var chunk = new RecordedEvent[ChunkSize];
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
