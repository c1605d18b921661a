namespace ConcurrencyLab.Charts;

/// <summary>What a thread was doing during a Gantt segment; decides its colour and legend entry.</summary>
public enum SegmentState
{
    /// <summary>Executing code on a CPU (green, as in the Concurrency Visualizer).</summary>
    Running,

    /// <summary>Waiting on a synchronization object (red).</summary>
    Blocked,

    /// <summary>Sleeping or delayed on purpose (blue-grey).</summary>
    Sleeping,

    /// <summary>An asynchronous operation in flight, not occupying a thread (light blue).</summary>
    Async,

    /// <summary>Inside a span, ready to run but waiting for a CPU: another thread had it (amber).</summary>
    Runnable,

    /// <summary>
    /// Inside a span but off a CPU and not waiting for one: blocked, sleeping or in I/O in a call the recorder does
    /// not wrap (pale red; recorded waits are <see cref="Blocked"/>).
    /// </summary>
    OffCpu,
}
