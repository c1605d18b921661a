namespace ConcurrencyLab.Charts;

/// <summary>What a thread was doing during a Gantt segment; decides its colour and legend entry.</summary>
public enum SegmentState
{
    /// <summary>Executing code (green, as in the Concurrency Visualizer).</summary>
    Running,

    /// <summary>Waiting on a synchronization object (red).</summary>
    Blocked,

    /// <summary>Sleeping or delayed on purpose (blue-grey).</summary>
    Sleeping,

    /// <summary>An asynchronous operation in flight, not occupying a thread (light blue).</summary>
    Async,
}
