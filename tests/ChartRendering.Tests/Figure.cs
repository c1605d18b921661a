namespace ChartRendering.Tests;

/// <summary>A figure to draw: its Plotly JSON, the width of its container, and what its axes must show.</summary>
/// <param name="Name">Test name.</param>
/// <param name="Json">The application/vnd.plotly.v1+json payload, as the library writes it.</param>
/// <param name="Width">Container width in pixels (700 is Plotly's default when the container does not say).</param>
public sealed record Figure(string Name, string Json, int Width = 700)
{
    /// <summary>Tick-label classes (e.g. "xtick", "y2tick") whose labels must all be whole numbers.</summary>
    public IReadOnlyList<string> IntegerAxes { get; init; } = Array.Empty<string>();

    /// <summary>Whether the y axis holds rows (thread timelines), whose pitch must be at least the minimum row height.</summary>
    public bool HasRows { get; init; }

    public override string ToString() => Name;
}
