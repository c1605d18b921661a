using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>Plotly traces and layout of a <see cref="BarChart"/>: one "bar" trace per series, grouped.</summary>
internal static class BarPlotlyWriter
{
    public static void Write(Utf8JsonWriter json, BarChart chart)
    {
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
        json.WriteEndArray();

        json.WriteStartObject("layout");
        PlotlyJson.Title(json, "title", chart.Title);
        json.WriteString("barmode", "group");
        json.WriteNumber("height", chart.Height);
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle, j => j.WriteString("type", "category"));
        PlotlyJson.Axis(json, "yaxis", chart.YAxisTitle, j => j.WriteString("rangemode", "tozero"));
        json.WriteEndObject();
    }
}
