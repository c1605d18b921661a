namespace ConcurrencyLab.Timelines;

/// <summary>What a raw recorded event is; decoded into segments, marks and flows when recording stops.</summary>
internal enum EventKind : byte
{
    /// <summary>A span; <see cref="RecordedEvent.Extra"/> is the managed id of the thread that opened it.</summary>
    Span,
    /// <summary>A span that held <see cref="RecordedEvent.Target"/>; its end is a release point.</summary>
    Hold,
    Blocked,
    Sleep,
    Mark,
    /// <summary>The thread released (set, signalled) <see cref="RecordedEvent.Target"/> at Start.</summary>
    Release,
    /// <summary>A tracked task completed on this thread; Target is its <see cref="TrackedOperation"/>.</summary>
    AsyncEnd,
    /// <summary>Code awaiting a tracked task resumed on this thread.</summary>
    Resume,
    /// <summary>A value of the counter named by Label at Start; End holds the value's bits (see <see cref="Timeline.Counter"/>).</summary>
    Counter,
    /// <summary>
    /// The CPU time (ns, in Start) and wait for a CPU (ns, in End; -1 unknown) of the Span or Hold written just before
    /// it on the same thread, read by the thread itself at both ends. A separate event, so a span without it stays one
    /// 32-byte event.
    /// </summary>
    CpuTime,
}
