namespace ConcurrencyLab.Charts;

/// <summary>One bar on a Gantt lane, from <paramref name="Start"/> to <paramref name="End"/> in the chart's time unit.</summary>
/// <param name="Start">Start time (milliseconds since the start of the chart).</param>
/// <param name="End">End time; not before <paramref name="Start"/>.</param>
/// <param name="State">Running, blocked, sleeping or async; decides the colour.</param>
/// <param name="Label">Text shown on hover (and in the bar when it is wide enough).</param>
public sealed record GanttSegment(double Start, double End, SegmentState State, string Label)
{
    /// <summary>Length of the segment.</summary>
    public double Duration => End - Start;
}
