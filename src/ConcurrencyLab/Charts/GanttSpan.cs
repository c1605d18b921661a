namespace ConcurrencyLab.Charts;

/// <summary>
/// A span drawn as an outline around the thread states inside it, with its label in the bar where it fits; the
/// fill (running, ready, off CPU, blocked) comes from the lane's segments.
/// </summary>
/// <param name="Start">Start time (ms since the start of the chart).</param>
/// <param name="End">End time.</param>
/// <param name="Label">The span's label.</param>
public sealed record GanttSpan(double Start, double End, string Label)
{
    /// <summary>Extra facts shown with the label, e.g. "on CPU 12 of 50 ms (24%)"; null for none.</summary>
    public string? Detail { get; init; }

    /// <summary>Length of the span.</summary>
    public double Duration => End - Start;
}
