using System.Text;
using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Renders any <see cref="Chart"/> as a Plotly figure <c>{"data": [...], "layout": {...}, "config": {...}}</c>,
/// the payload of <c>application/vnd.plotly.v1+json</c>, following plotly.js 3 rules.
/// </summary>
/// <example><code>string figure = PlotlyJsonRenderer.Render(chart);</code></example>
public static class PlotlyJsonRenderer
{
    /// <summary>The Plotly figure JSON for <paramref name="chart"/>.</summary>
    public static string Render(Chart chart) => Render(chart, null, Array.Empty<string>());

    /// <summary>
    /// The figure with a table (every row shown) and remarks under a bar or XY chart; a Gantt keeps its own figure,
    /// whose counter lanes already fill its height.
    /// </summary>
    internal static string Render(Chart chart, TextTable? table, IReadOnlyList<string> remarks)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var stream = new MemoryStream();
        // The default encoder writes < > & as \u003C etc.: the same strings once parsed, and safe if a
        // front end ever pastes the payload into a page.
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            switch (chart)
            {
                case GanttChart gantt: GanttPlotlyWriter.Write(json, gantt); break;
                case BarChart bar: BarPlotlyWriter.Write(json, bar, table, remarks); break;
                case XYChart xy: XYPlotlyWriter.Write(json, xy, table, remarks); break;
                default: throw new NotSupportedException($"No Plotly writer for chart type {chart.GetType().Name}.");
            }
            PlotlyJson.Config(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
