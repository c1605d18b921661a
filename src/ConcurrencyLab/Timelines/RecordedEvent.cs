using System.Runtime.InteropServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// One raw event in a per-thread buffer: 40 bytes, no allocation to write. Timestamps are
/// <see cref="System.Diagnostics.Stopwatch"/> ticks; converting them waits until recording stops.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct RecordedEvent
{
    public long Start;
    public long End;
    public string Label;
    /// <summary>What was waited on or released (lock object, semaphore, tracked operation), for flow lines.</summary>
    public object? Target;
    /// <summary>Kind-specific: opening thread of a span, joined thread of a Join.</summary>
    public int Extra;
    public EventKind Kind;
    public BlockCause Cause;
}
