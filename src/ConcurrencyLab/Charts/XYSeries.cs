namespace ConcurrencyLab.Charts;

/// <summary>One line or scatter series of an <see cref="XYChart"/>.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="X">Horizontal values.</param>
/// <param name="Y">Vertical values, as many as <paramref name="X"/>.</param>
public sealed record XYSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Optional symmetric error per point, drawn as vertical error bars.</summary>
    public IReadOnlyList<double>? ErrorY { get; init; }

    /// <summary>Lines, markers or both.</summary>
    public XYSeriesMode Mode { get; init; } = XYSeriesMode.LinesAndMarkers;

    /// <summary>Dashed line (for reference curves such as "ideal" or Amdahl).</summary>
    public bool Dashed { get; init; }

    /// <summary>Optional CSS colour; the palette is used when null.</summary>
    public string? Color { get; init; }
}
