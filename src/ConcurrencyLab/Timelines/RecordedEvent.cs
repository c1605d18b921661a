using System.Runtime.InteropServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// One raw event in a per-thread buffer: 32 bytes and no object references, so writing it needs no
/// GC write barrier, chunks need no zeroing, and the GC never scans millions of events. Labels and
/// targets live in per-thread tables; timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct RecordedEvent
{
    public long Start;
    public long End;
    /// <summary>Index into the buffer's label table.</summary>
    public int Label;
    /// <summary>Index into the buffer's target table (0 = none): the lock, semaphore or tracked operation.</summary>
    public int Target;
    /// <summary>Kind-specific: opening thread of a span, joined thread of a Join.</summary>
    public int Extra;
    public EventKind Kind;
    public BlockCause Cause;
}
