namespace ConcurrencyLab.Charts;

/// <summary>
/// An arrow between lanes: the Concurrency Visualizer's "unblocked by" line, drawn from the
/// releasing thread at <paramref name="FromTime"/> to the woken thread at <paramref name="ToTime"/>.
/// </summary>
/// <param name="FromLane">Index of the lane the arrow starts on.</param>
/// <param name="FromTime">Time at the start of the arrow.</param>
/// <param name="ToLane">Index of the lane the arrow points to.</param>
/// <param name="ToTime">Time at the head of the arrow.</param>
/// <param name="Label">What the arrow means (e.g. "released lock").</param>
public sealed record GanttFlow(int FromLane, double FromTime, int ToLane, double ToTime, string Label);
