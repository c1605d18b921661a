using System.Text;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Rendering;

/// <summary>Renders an <see cref="IChartDisplayable"/> to each MIME type of the display bundle.</summary>
/// <example><code>string html = ChartMimeBundle.Render(timeline, ChartMimeTypes.Html);</code></example>
public static class ChartMimeBundle
{
    /// <summary>The value rendered as <paramref name="mimeType"/> (one of <see cref="ChartMimeTypes.Preferred"/>).</summary>
    /// <exception cref="ArgumentException">The MIME type is not one of the four.</exception>
    public static string Render(IChartDisplayable value, string mimeType)
    {
        ArgumentNullException.ThrowIfNull(value);
        return mimeType switch
        {
            ChartMimeTypes.Plotly when value is ITabularDisplayable tabular => TabularChartRenderer.Plotly(tabular),
            ChartMimeTypes.Plotly => PlotlyJsonRenderer.Render(value.ToChart()),
            ChartMimeTypes.Html when value is ITabularDisplayable tabular => TabularChartRenderer.Html(tabular),
            ChartMimeTypes.Html => WrapInDiv(SvgRenderer.Render(value.ToChart())),
            ChartMimeTypes.Svg => SvgRenderer.Render(value.ToChart()),
            ChartMimeTypes.PlainText => value.ToPlainText(),
            _ => throw new ArgumentException(
                $"Unsupported MIME type '{mimeType}'; expected one of {string.Join(", ", ChartMimeTypes.Preferred)}.",
                nameof(mimeType)),
        };
    }

    /// <summary>Every MIME type of the bundle with its rendering, in preference order.</summary>
    public static IReadOnlyDictionary<string, string> RenderAll(IChartDisplayable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bundle = new Dictionary<string, string>();
        foreach (var mime in ChartMimeTypes.Preferred)
            bundle[mime] = Render(value, mime);
        return bundle;
    }

    // A bare div: no style, class or id, because GitHub strips them and sanitizers drop scripts anyway.
    private static string WrapInDiv(string svg)
    {
        var html = new StringBuilder(svg.Length + 16);
        html.Append("<div>").Append(svg).Append("</div>");
        return html.ToString();
    }
}
