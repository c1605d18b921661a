using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>Plotly traces and layout of an <see cref="XYChart"/>: "scatter" traces, vertical rules as shapes, a table under it when given.</summary>
internal static class XYPlotlyWriter
{
    public static void Write(Utf8JsonWriter json, XYChart chart, TextTable? table, IReadOnlyList<string> remarks)
    {
        var layout = new CartesianPlotlyLayout(chart, chart.Height, 1, chart.Series.Select(s => s.Name).ToList(), table, remarks);

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
        layout.WriteTable(json);
        json.WriteEndArray();

        json.WriteStartObject("layout");
        layout.WriteFrame(json);
        var rules = chart.VerticalRules.Where(r => double.IsFinite(r.X)).ToList();
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle, j =>
        {
            j.WriteBoolean("automargin", false);
            PlotlyJson.Numbers(j, "domain", new[] { layout.XDomainStart, 1.0 });
            PlotlyJson.IntegerTicks(j, chart.Series.SelectMany(s => s.X).Concat(rules.Select(r => r.X)));
        });
        PlotlyJson.Axis(json, "yaxis", chart.YAxisTitle, j =>
        {
            if (chart.YFromZero) j.WriteString("rangemode", "tozero");
            j.WriteBoolean("automargin", false);
            PlotlyJson.Numbers(j, "domain", layout.YDomain);
            var errors = chart.Series.Any(s => s.ErrorY is { } e && e.Any(v => double.IsFinite(v) && v != 0));
            if (!errors) PlotlyJson.IntegerTicks(j, chart.Series.SelectMany(s => s.Y), 6);
        });
        // Rules span the plot only ("y domain"), never the table under it.
        json.WriteStartArray("shapes");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("type", "line");
            json.WriteString("xref", "x");
            json.WriteString("yref", "y domain");
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
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteNumber("x", rule.X);
            json.WriteNumber("y", 1);
            json.WriteString("xref", "x");
            json.WriteString("yref", "y domain");
            json.WriteString("text", System.Net.WebUtility.HtmlEncode(rule.Label));
            json.WriteBoolean("showarrow", false);
            json.WriteString("xanchor", "left");
            json.WriteString("yanchor", "top");
            json.WriteNumber("xshift", 4);
            json.WriteEndObject();
        }
        layout.WriteRemarks(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
