using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Plotly figure of a <see cref="GanttChart"/>: one horizontal "bar" trace per thread state (so the legend
/// toggles whole states), <c>base</c> = start and <c>x</c> = duration on a numeric ms axis; markers as a
/// scatter trace; flows as annotation arrows; each counter lane as a step line on its own y axis below.
/// </summary>
internal static class GanttPlotlyWriter
{
    private const double CounterShare = 0.16, Gap = 0.04;

    public static void Write(Utf8JsonWriter json, GanttChart chart)
    {
        var countersHeight = Math.Min(0.5, chart.Counters.Count * CounterShare);
        var lanesBottom = chart.Counters.Count == 0 ? 0 : countersHeight + Gap;

        json.WriteStartArray("data");
        WriteStateTraces(json, chart);
        WriteMarkerTrace(json, chart);
        WriteCounterTraces(json, chart);
        json.WriteEndArray();

        json.WriteStartObject("layout");
        PlotlyJson.Title(json, "title", chart.Title);
        json.WriteString("barmode", "overlay");
        json.WriteNumber("bargap", 0.25);
        json.WriteNumber("height", 120 + 28 * chart.Lanes.Count + 90 * chart.Counters.Count);
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle, j => j.WriteBoolean("zeroline", false));
        json.WriteStartObject("yaxis");
        json.WriteString("type", "category");
        json.WriteString("categoryorder", "array");
        PlotlyJson.Strings(json, "categoryarray", chart.Lanes.Select(l => l.Label));
        json.WriteString("autorange", "reversed");
        PlotlyJson.Numbers(json, "domain", new[] { lanesBottom, 1.0 });
        json.WriteEndObject();
        for (var i = 0; i < chart.Counters.Count; i++)
        {
            var top = countersHeight - i * (countersHeight / chart.Counters.Count);
            var bottom = top - countersHeight / chart.Counters.Count + Gap / 2;
            json.WriteStartObject("yaxis" + (i + 2));
            PlotlyJson.Title(json, "title", chart.Counters[i].Name);
            PlotlyJson.Numbers(json, "domain", new[] { Math.Max(0, bottom), top });
            json.WriteString("anchor", "x");
            json.WriteString("rangemode", "tozero");
            json.WriteEndObject();
        }
        json.WriteStartObject("legend");
        json.WriteString("orientation", "h");
        json.WriteEndObject();
        WriteFlowAnnotations(json, chart);
        json.WriteEndObject();
    }

    private static void WriteStateTraces(Utf8JsonWriter json, GanttChart chart)
    {
        foreach (var state in Enum.GetValues<SegmentState>())
        {
            var rows = chart.Lanes.SelectMany(l => l.Segments.Where(s => s.State == state).Select(s => (Lane: l.Label, Segment: s))).ToList();
            if (rows.Count == 0) continue;
            json.WriteStartObject();
            json.WriteString("type", "bar");
            json.WriteString("orientation", "h");
            json.WriteString("name", ChartPalette.NameOf(state));
            PlotlyJson.Strings(json, "y", rows.Select(r => r.Lane));
            PlotlyJson.Numbers(json, "base", rows.Select(r => r.Segment.Start));
            PlotlyJson.Numbers(json, "x", rows.Select(r => r.Segment.Duration));
            json.WriteNumber("width", state == SegmentState.Running ? 0.8 : 0.6);
            PlotlyJson.Marker(json, ChartPalette.For(state));
            json.WriteStartArray("customdata");
            foreach (var (_, segment) in rows)
            {
                json.WriteStartArray();
                json.WriteStringValue(segment.Label);
                json.WriteNumberValue(Math.Round(segment.Start, 4));
                json.WriteNumberValue(Math.Round(segment.End, 4));
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteString("hovertemplate", "%{customdata[0]}<br>%{y}<br>%{customdata[1]:.3f}–%{customdata[2]:.3f} ms<extra>%{fullData.name}</extra>");
            json.WriteEndObject();
        }
    }

    private static void WriteMarkerTrace(Utf8JsonWriter json, GanttChart chart)
    {
        if (chart.Markers.Count == 0) return;
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers");
        json.WriteString("name", "Marker");
        PlotlyJson.Numbers(json, "x", chart.Markers.Select(m => m.Time));
        PlotlyJson.Strings(json, "y", chart.Markers.Select(m => chart.Lanes[m.Lane].Label));
        PlotlyJson.Strings(json, "text", chart.Markers.Select(m => m.Label));
        json.WriteStartObject("marker");
        json.WriteString("color", ChartPalette.Marker);
        json.WriteString("symbol", "triangle-down");
        json.WriteNumber("size", 11);
        json.WriteEndObject();
        json.WriteString("hovertemplate", "%{text}<br>%{x:.3f} ms<extra></extra>");
        json.WriteEndObject();
    }

    private static void WriteCounterTraces(Utf8JsonWriter json, GanttChart chart)
    {
        for (var i = 0; i < chart.Counters.Count; i++)
        {
            var counter = chart.Counters[i];
            json.WriteStartObject();
            json.WriteString("type", "scatter");
            json.WriteString("mode", "lines");
            json.WriteString("name", counter.Name);
            json.WriteString("yaxis", "y" + (i + 2));
            PlotlyJson.Numbers(json, "x", counter.Points.Select(p => p.Time));
            PlotlyJson.Numbers(json, "y", counter.Points.Select(p => p.Value));
            json.WriteStartObject("line");
            json.WriteString("shape", "hv"); // a counter keeps its value until the next sample
            json.WriteString("color", ChartPalette.Series(i));
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    private static void WriteFlowAnnotations(Utf8JsonWriter json, GanttChart chart)
    {
        json.WriteStartArray("annotations");
        foreach (var flow in chart.Flows)
        {
            json.WriteStartObject();
            json.WriteNumber("x", Math.Round(flow.ToTime, 4));
            json.WriteString("y", chart.Lanes[flow.ToLane].Label);
            json.WriteNumber("ax", Math.Round(flow.FromTime, 4));
            json.WriteString("ay", chart.Lanes[flow.FromLane].Label);
            json.WriteString("xref", "x");
            json.WriteString("yref", "y");
            json.WriteString("axref", "x");
            json.WriteString("ayref", "y");
            json.WriteBoolean("showarrow", true);
            json.WriteNumber("arrowhead", 2);
            json.WriteString("arrowcolor", ChartPalette.Flow);
            json.WriteString("text", "");
            json.WriteString("hovertext", flow.Label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
