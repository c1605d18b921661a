namespace ConcurrencyLab.Charts;

/// <summary>Colours shared by the SVG and Plotly renderers, so both outputs of one display look alike.</summary>
public static class ChartPalette
{
    // Plotly's default "D3" colours: familiar to anyone who has seen a Plotly chart.
    private static readonly string[] SeriesColors =
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    /// <summary>Colour of the n-th series (cycles).</summary>
    public static string Series(int index) => SeriesColors[index % SeriesColors.Length];

    /// <summary>Colour of a thread state, following the Concurrency Visualizer (green runs, red blocks).</summary>
    public static string For(SegmentState state) => state switch
    {
        SegmentState.Running => "#2ca02c",
        SegmentState.Blocked => "#d62728",
        SegmentState.Sleeping => "#8c9eb5",
        SegmentState.Async => "#9ecae1",
        SegmentState.Runnable => "#f2b701",
        SegmentState.OffCpu => "#f4b6b6",
        _ => "#7f7f7f",
    };

    /// <summary>Legend name of a thread state.</summary>
    public static string NameOf(SegmentState state) => state switch
    {
        SegmentState.Running => "Running",
        SegmentState.Blocked => "Blocked",
        SegmentState.Sleeping => "Sleeping",
        SegmentState.Async => "Async (no thread)",
        SegmentState.Runnable => "Ready (waiting for a CPU)",
        SegmentState.OffCpu => "Waiting (off CPU)",
        _ => state.ToString(),
    };

    /// <summary>A short legend name of a thread state, for interactive legends that lay entries out in equal columns.</summary>
    public static string ShortNameOf(SegmentState state) => state switch
    {
        SegmentState.Running => "Running (on CPU)",
        SegmentState.Runnable => "Ready (CPU wait)",
        SegmentState.OffCpu => "Off CPU (waiting)",
        SegmentState.Async => "Async (no thread)",
        _ => NameOf(state),
    };

    /// <summary>Colour of instant markers.</summary>
    public const string Marker = "#ff7f0e";

    /// <summary>Colour of flow (released-by) arrows.</summary>
    public const string Flow = "#444444";
}
