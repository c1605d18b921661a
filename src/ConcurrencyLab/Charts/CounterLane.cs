namespace ConcurrencyLab.Charts;

/// <summary>A sampled value over time (e.g. thread-pool thread count) drawn as a step line under the Gantt rows.</summary>
/// <param name="Name">Name of the counter.</param>
public sealed record CounterLane(string Name)
{
    /// <summary>Samples in time order: time and value.</summary>
    public List<CounterPoint> Points { get; init; } = new();
}
