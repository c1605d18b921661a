namespace ConcurrencyLab.Rendering;

/// <summary>The MIME types of one chart display, richest first.</summary>
public static class ChartMimeTypes
{
    /// <summary>Plotly figure JSON: interactive and offline in VS Code.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>The static SVG inline in a div, no script, no CSS classes: GitHub and nbconvert show it.</summary>
    public const string Html = "text/html";

    /// <summary>The same static SVG as an image.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>A short readable summary for terminals.</summary>
    public const string PlainText = "text/plain";

    /// <summary>All four, in preference order (the order front ends should try them).</summary>
    public static IReadOnlyList<string> Preferred { get; } = new[] { Plotly, Html, Svg, PlainText };
}
