namespace ConcurrencyLab.Timelines;

/// <summary>
/// Async work that may hop threads: a tracked task (<see cref="Timeline.Track(Task, string)"/>) or a span
/// whose <c>using</c> block contained an await and ended on another thread.
/// </summary>
/// <param name="Label">What the operation is.</param>
/// <param name="Start">ms since start when it began.</param>
/// <param name="End">ms since start when it completed.</param>
/// <param name="StartThreadId">Thread that started it.</param>
/// <param name="EndThreadId">Thread on which it completed.</param>
public sealed record TimelineAsyncOperation(string Label, double Start, double End, int StartThreadId, int EndThreadId)
{
    /// <summary>Thread on which the awaiting code resumed, if it was awaited through the tracked awaitable.</summary>
    public int? ResumeThreadId { get; init; }

    /// <summary>ms since start when the awaiting code resumed.</summary>
    public double? ResumeTime { get; init; }

    /// <summary>True when it ended (or resumed) on a different thread than it started on.</summary>
    public bool HoppedThreads => EndThreadId != StartThreadId || (ResumeThreadId is { } r && r != StartThreadId);
}
