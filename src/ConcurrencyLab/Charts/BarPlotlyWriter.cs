using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>Plotly traces and layout of a <see cref="BarChart"/>: one "bar" trace per series, grouped; a table under it when given.</summary>
internal static class BarPlotlyWriter
{
    public static void Write(Utf8JsonWriter json, BarChart chart, TextTable? table, IReadOnlyList<string> remarks)
    {
        // Category labels wrap onto lines of their slot's width, as in the SVG, so Plotly never tilts them into the legend.
        var slot = (PlotlyText.DefaultWidth - 110.0) / Math.Max(1, chart.Categories.Count); // the x axis's width, shared
        var ticks = chart.Categories.Select(c => string.Join("<br>", PlotlyText.Wrap(c, Math.Max(6, (int)(slot / PlotlyText.CharWidth12))))).ToList();
        var layout = new CartesianPlotlyLayout(chart, chart.Height, ticks.Count == 0 ? 1 : ticks.Max(t => t.Split("<br>").Length),
            chart.Series.Select(s => s.Name).ToList(), table, remarks);

        json.WriteStartArray("data");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            json.WriteStartObject();
            json.WriteString("type", "bar");
            json.WriteString("name", series.Name);
            PlotlyJson.Strings(json, "x", chart.Categories.Take(series.Values.Count));
            PlotlyJson.Numbers(json, "y", series.Values);
            PlotlyJson.ErrorY(json, series.Errors);
            PlotlyJson.Marker(json, series.Color ?? ChartPalette.Series(s));
            json.WriteEndObject();
        }
        layout.WriteTable(json);
        json.WriteEndArray();

        json.WriteStartObject("layout");
        layout.WriteFrame(json);
        json.WriteString("barmode", "group");
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle, j =>
        {
            j.WriteString("type", "category");
            j.WriteBoolean("automargin", false);
            PlotlyJson.Numbers(j, "domain", new[] { layout.XDomainStart, 1.0 });
            j.WriteNumber("tickangle", 0);
            j.WriteString("tickmode", "array");
            PlotlyJson.Strings(j, "tickvals", chart.Categories);
            PlotlyJson.Strings(j, "ticktext", ticks);
        });
        PlotlyJson.Axis(json, "yaxis", chart.YAxisTitle, j =>
        {
            j.WriteString("rangemode", "tozero");
            j.WriteBoolean("automargin", false);
            PlotlyJson.Numbers(j, "domain", layout.YDomain);
            PlotlyJson.IntegerTicks(j, chart.Series.SelectMany(s => s.Values), 6);
        });
        json.WriteStartArray("annotations");
        layout.WriteRemarks(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
