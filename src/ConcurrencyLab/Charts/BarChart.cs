using System.Globalization;
using System.Text;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Charts;

/// <summary>Vertical grouped bars: categories across, one bar per series in each category, optional error bars.</summary>
/// <example><code>
/// var c = new BarChart { Title = "ops/s", Categories = { "lock", "Interlocked" } };
/// c.Series.Add(new BarSeries("1 thread", new[] { 10.0, 40.0 }));
/// </code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class BarChart : Chart
{
    /// <summary>Category labels along the horizontal axis.</summary>
    public List<string> Categories { get; } = new();

    /// <summary>Series of bars; each has one value per category.</summary>
    public List<BarSeries> Series { get; } = new();

    /// <summary>Height of the static SVG in pixels.</summary>
    public int Height { get; set; } = 400;

    /// <inheritdoc />
    public override string ToPlainText()
    {
        var text = new StringBuilder(Title.Length == 0 ? "Bar chart" : Title);
        foreach (var series in Series)
        {
            text.AppendLine().Append("  ").Append(series.Name).Append(':');
            for (var i = 0; i < series.Values.Count; i++)
            {
                var category = i < Categories.Count ? Categories[i] : i.ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $" {category}={series.Values[i]:G4}");
                if (series.Errors is { } errors && i < errors.Count)
                    text.Append(CultureInfo.InvariantCulture, $"±{errors[i]:G3}");
            }
        }
        return text.ToString();
    }
}
