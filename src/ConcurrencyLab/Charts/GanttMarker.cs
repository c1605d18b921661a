namespace ConcurrencyLab.Charts;

/// <summary>An instant on a lane, such as "cancel requested".</summary>
/// <param name="Lane">Index into <see cref="GanttChart.Lanes"/>.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Label">What happened.</param>
public sealed record GanttMarker(int Lane, double Time, string Label);
