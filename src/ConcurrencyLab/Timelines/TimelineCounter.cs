using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>A counter recorded with <see cref="Timeline.Counter"/>: its name and its values over time (ms since start).</summary>
/// <param name="Name">The counter's name, e.g. "queue depth".</param>
/// <param name="Points">The recorded values, in time order.</param>
public sealed record TimelineCounter(string Name, IReadOnlyList<CounterPoint> Points);
