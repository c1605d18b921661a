using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>Book-keeping of one tracked task: where it started, so completion and resumption can point back to it.</summary>
internal sealed class TrackedOperation
{
    public TrackedOperation(Timeline timeline, string label)
    {
        Timeline = timeline;
        Label = label;
        Start = Stopwatch.GetTimestamp();
        StartThread = Environment.CurrentManagedThreadId;
    }

    public Timeline Timeline { get; }
    public string Label { get; }
    public long Start { get; }
    public int StartThread { get; }

    /// <summary>Runs on the thread that completed the task (the continuation is registered synchronous).</summary>
    public void Completed() =>
        Timeline.Append(EventKind.AsyncEnd, default, Start, Stopwatch.GetTimestamp(), Label, this, StartThread);

    /// <summary>Runs on the thread where the awaiting code continues.</summary>
    public void Resumed()
    {
        var now = Stopwatch.GetTimestamp();
        Timeline.Append(EventKind.Resume, default, now, now, Label, this, StartThread);
    }
}
