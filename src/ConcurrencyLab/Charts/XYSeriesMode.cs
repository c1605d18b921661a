namespace ConcurrencyLab.Charts;

/// <summary>How an <see cref="XYSeries"/> is drawn.</summary>
public enum XYSeriesMode
{
    /// <summary>Points joined by lines, with a marker at each point.</summary>
    LinesAndMarkers,

    /// <summary>Only lines (e.g. an "ideal" reference).</summary>
    Lines,

    /// <summary>Only markers (a scatter plot).</summary>
    Markers,
}
