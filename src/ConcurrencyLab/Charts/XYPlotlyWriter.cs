using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>Plotly traces and layout of an <see cref="XYChart"/>: "scatter" traces, vertical rules as shapes.</summary>
internal static class XYPlotlyWriter
{
    public static void Write(Utf8JsonWriter json, XYChart chart)
    {
        json.WriteStartArray("data");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = series.Color ?? ChartPalette.Series(s);
            json.WriteStartObject();
            json.WriteString("type", "scatter");
            json.WriteString("name", series.Name);
            json.WriteString("mode", series.Mode switch
            {
                XYSeriesMode.Lines => "lines",
                XYSeriesMode.Markers => "markers",
                _ => "lines+markers",
            });
            PlotlyJson.Numbers(json, "x", series.X);
            PlotlyJson.Numbers(json, "y", series.Y);
            PlotlyJson.ErrorY(json, series.ErrorY);
            json.WriteStartObject("line");
            json.WriteString("color", color);
            if (series.Dashed) json.WriteString("dash", "dash");
            json.WriteEndObject();
            PlotlyJson.Marker(json, color);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("layout");
        PlotlyJson.Title(json, "title", chart.Title);
        json.WriteNumber("height", chart.Height);
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle);
        PlotlyJson.Axis(json, "yaxis", chart.YAxisTitle, j => { if (chart.YFromZero) j.WriteString("rangemode", "tozero"); });
        json.WriteStartArray("shapes");
        foreach (var rule in chart.VerticalRules.Where(r => double.IsFinite(r.X)))
        {
            json.WriteStartObject();
            json.WriteString("type", "line");
            json.WriteString("xref", "x");
            json.WriteString("yref", "paper");
            json.WriteNumber("x0", rule.X);
            json.WriteNumber("x1", rule.X);
            json.WriteNumber("y0", 0);
            json.WriteNumber("y1", 1);
            json.WriteStartObject("line");
            json.WriteString("dash", "dot");
            json.WriteString("color", "#777777");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("annotations");
        foreach (var rule in chart.VerticalRules.Where(r => double.IsFinite(r.X)))
        {
            json.WriteStartObject();
            json.WriteNumber("x", rule.X);
            json.WriteNumber("y", 1);
            json.WriteString("xref", "x");
            json.WriteString("yref", "paper");
            json.WriteString("text", rule.Label);
            json.WriteBoolean("showarrow", false);
            json.WriteString("xanchor", "left");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
