using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Base of every chart: a title, axis titles and a size. A chart renders itself as one rich display
/// (Plotly JSON, inline SVG in HTML, SVG, plain text) through <see cref="ChartFormatterSource"/>.
/// </summary>
/// <example><code>new BarChart { Title = "Throughput" }.ToSvg()</code></example>
public abstract class Chart : IChartDisplayable
{
    /// <summary>Title shown above the chart.</summary>
    public string Title { get; set; } = "";

    /// <summary>A smaller line under the title (e.g. how a figure was measured); empty for none.</summary>
    public string Subtitle { get; set; } = "";

    /// <summary>Title of the horizontal axis.</summary>
    public string XAxisTitle { get; set; } = "";

    /// <summary>Title of the vertical axis.</summary>
    public string YAxisTitle { get; set; } = "";

    /// <summary>Width of the static SVG in pixels.</summary>
    public int Width { get; set; } = 800;

    /// <summary>The chart itself: a chart is its own displayable.</summary>
    public Chart ToChart() => this;

    /// <summary>A short summary a person can read in a terminal.</summary>
    public abstract string ToPlainText();

    /// <summary>The static, script-free SVG document of this chart.</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    /// <summary>The Plotly figure (<c>{data, layout, config}</c>) of this chart as JSON.</summary>
    public string ToPlotlyJson() => PlotlyJsonRenderer.Render(this);

    /// <summary>The plain-text summary, so string interpolation and logs stay readable.</summary>
    public override string ToString() => ToPlainText();
}
