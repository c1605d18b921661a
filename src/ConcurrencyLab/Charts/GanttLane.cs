namespace ConcurrencyLab.Charts;

/// <summary>One row of a Gantt chart (a thread, or an async operation) with its segments.</summary>
/// <param name="Label">Row label, unique within the chart (e.g. "T7 pool bg").</param>
public sealed record GanttLane(string Label)
{
    /// <summary>The bars on this row, in any order.</summary>
    public List<GanttSegment> Segments { get; init; } = new();

    /// <summary>Spans drawn as labelled outlines over the bars (e.g. a recorded span around its thread states).</summary>
    public List<GanttSpan> Spans { get; init; } = new();
}
