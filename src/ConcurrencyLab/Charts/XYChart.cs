using System.Globalization;
using System.Text;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Charts;

/// <summary>Line and scatter chart with numeric axes, optional error bars and vertical rules.</summary>
/// <example><code>
/// var c = new XYChart { Title = "speedup", XAxisTitle = "threads", YAxisTitle = "×" };
/// c.Series.Add(new XYSeries("Parallel.For", new[] { 1.0, 2 }, new[] { 1.0, 1.9 }));
/// </code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class XYChart : Chart
{
    /// <summary>The series, drawn in order.</summary>
    public List<XYSeries> Series { get; } = new();

    /// <summary>Dotted vertical lines with labels.</summary>
    public List<VerticalRule> VerticalRules { get; } = new();

    /// <summary>Start the vertical axis at zero (true by default, so ratios are not exaggerated).</summary>
    public bool YFromZero { get; set; } = true;

    /// <summary>Height of the static SVG in pixels.</summary>
    public int Height { get; set; } = 400;

    /// <inheritdoc />
    public override string ToPlainText()
    {
        var text = new StringBuilder(Title.Length == 0 ? "Chart" : Title);
        foreach (var series in Series)
        {
            text.AppendLine().Append("  ").Append(series.Name).Append(':');
            var count = Math.Min(series.X.Count, series.Y.Count);
            for (var i = 0; i < count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({series.X[i]:G4}, {series.Y[i]:G4}");
                if (series.ErrorY is { } errors && i < errors.Count)
                    text.Append(CultureInfo.InvariantCulture, $"±{errors[i]:G3}");
                text.Append(')');
            }
        }
        return text.ToString();
    }
}
