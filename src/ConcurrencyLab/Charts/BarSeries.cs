namespace ConcurrencyLab.Charts;

/// <summary>One named set of bars, one value per category of the <see cref="BarChart"/>.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">One value per category.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values)
{
    /// <summary>Optional symmetric error (e.g. standard deviation) per value, drawn as error bars.</summary>
    public IReadOnlyList<double>? Errors { get; init; }

    /// <summary>Optional CSS colour (e.g. "#1f77b4"); the palette is used when null.</summary>
    public string? Color { get; init; }
}
