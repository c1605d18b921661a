using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Plotly figure of a <see cref="GanttChart"/>: one horizontal "bar" trace per thread state (so the legend toggles
/// whole states), <c>base</c> = start and <c>x</c> = duration on a numeric ms axis; spans as labelled outlines; markers
/// as a scatter trace with their text; flows as annotation arrows; each counter lane as a step line on its own axis
/// below, named in the left margin like a row, with its scale on the right. Laid out in pixels: every row gets
/// <see cref="RowHeight"/>, the left margin fits the longest label, and the time axis and legend sit under everything.
/// </summary>
internal static class GanttPlotlyWriter
{
    public const int RowHeight = 28, CounterHeight = 72;
    private const double CharWidth10 = 6.2; // in-bar text
    private const int CounterGap = 14, LanesToCounters = 22, AxisHeight = 62, LegendRow = 22, MaxMarkerText = 28;

    public static void Write(Utf8JsonWriter json, GanttChart chart)
    {
        var labels = chart.Lanes.Select(l => l.Label).Concat(chart.Counters.Select(c => c.Name)).ToList();
        double left = Math.Clamp(Math.Ceiling(labels.Select(l => PlotlyText.Width(l)).DefaultIfEmpty(0).Max()) + 24, 80, 380);
        double right = chart.Counters.Count > 0 ? 56 : 24;
        var legendNames = LegendNames(chart);
        const double LegendLeft = 8; // the legend starts at the figure's left edge, under the row labels
        var legendRows = PlotlyText.LegendRows(legendNames, PlotlyText.DefaultWidth - LegendLeft - 10);
        double top = 50 + PlotlyText.SubtitleHeight(chart.Subtitle);
        double bottom = AxisHeight + legendRows * LegendRow + 8;
        double lanes = Math.Max(1, chart.Lanes.Count) * RowHeight;
        double counters = chart.Counters.Count * CounterHeight + Math.Max(0, chart.Counters.Count - 1) * CounterGap;
        // An empty chart (a timeline still recording) keeps one empty row, so the figure still has a plot area.
        var hasLanes = chart.Lanes.Count > 0 || chart.Counters.Count == 0;
        double paper = (hasLanes ? lanes : 0) + (chart.Lanes.Count > 0 && chart.Counters.Count > 0 ? LanesToCounters : 0) + counters;
        double height = top + paper + bottom;
        double Fraction(double px) => Math.Round(px / paper, 5);

        // Axis names: the lanes use "y" when there are lanes; counters follow.
        var firstCounterAxis = chart.Lanes.Count > 0 ? 2 : 1;
        string AxisName(int counter) => counter + firstCounterAxis == 1 ? "y" : "y" + (counter + firstCounterAxis);
        string AxisKey(int counter) => counter + firstCounterAxis == 1 ? "yaxis" : "yaxis" + (counter + firstCounterAxis);
        double CounterTop(int i) => counters - i * (CounterHeight + CounterGap);
        var lowestAxis = chart.Counters.Count > 0 ? AxisName(chart.Counters.Count - 1) : "y";

        json.WriteStartArray("data");
        WriteStateTraces(json, chart);
        WriteSpanTrace(json, chart, new AxisScale(0, chart.EndTime, left, PlotlyText.DefaultWidth - right));
        WriteMarkerTrace(json, chart);
        WriteFlowLegend(json, chart);
        for (var i = 0; i < chart.Counters.Count; i++)
            WriteCounterTrace(json, chart.Counters[i], i, AxisName(i));
        json.WriteEndArray();

        json.WriteStartObject("layout");
        PlotlyJson.Title(json, "title", chart.Title, chart.Subtitle);
        json.WriteString("barmode", "overlay");
        json.WriteNumber("bargap", 0.25);
        json.WriteNumber("height", Math.Ceiling(height));
        json.WriteStartObject("margin");
        json.WriteNumber("l", left);
        json.WriteNumber("r", right);
        json.WriteNumber("t", top);
        json.WriteNumber("b", bottom);
        json.WriteEndObject();
        json.WriteStartObject("uniformtext");
        json.WriteString("mode", "hide");
        json.WriteNumber("minsize", 9);
        json.WriteEndObject();
        // One time axis for all rows and lanes, drawn under the lowest lane so its title never sits on a lane.
        PlotlyJson.Axis(json, "xaxis", chart.XAxisTitle, j =>
        {
            j.WriteBoolean("zeroline", false);
            j.WriteString("anchor", lowestAxis);
            j.WriteBoolean("automargin", false);
        });
        if (chart.Lanes.Count > 0)
        {
            json.WriteStartObject("yaxis");
            json.WriteString("type", "category");
            json.WriteString("categoryorder", "array");
            PlotlyJson.Strings(json, "categoryarray", chart.Lanes.Select(l => l.Label));
            // A fixed range: markers' text must not widen it (autorange would add empty rows above the first).
            PlotlyJson.Numbers(json, "range", new[] { chart.Lanes.Count - 0.5, -0.5 });
            json.WriteBoolean("automargin", true);
            PlotlyJson.Numbers(json, "domain", new[] { Fraction(paper - lanes), 1.0 });
            json.WriteEndObject();
        }
        for (var i = 0; i < chart.Counters.Count; i++)
        {
            var values = chart.Counters[i].Points.Select(p => p.Value).Where(double.IsFinite).ToList();
            json.WriteStartObject(AxisKey(i));
            PlotlyJson.Numbers(json, "domain", new[] { Fraction(CounterTop(i) - CounterHeight), Fraction(CounterTop(i)) });
            json.WriteString("anchor", "x");
            json.WriteString("side", "right");
            json.WriteBoolean("automargin", false);
            json.WriteBoolean("fixedrange", true);
            // A flat line still gets a scale with room above it, so 0 is not drawn on the lane's bottom edge alone.
            var max = values.Count == 0 ? 1 : Math.Max(1, values.Max());
            PlotlyJson.Numbers(json, "range", new[] { Math.Min(0, values.DefaultIfEmpty(0).Min()), max * 1.15 });
            json.WriteNumber("nticks", 3);
            PlotlyJson.IntegerTicks(json, values.Append(0).Append(max), 2);
            json.WriteEndObject();
        }
        json.WriteBoolean("showlegend", legendRows > 0);
        json.WriteStartObject("legend");
        json.WriteString("orientation", "h");
        json.WriteNumber("x", Math.Round((LegendLeft - left) / (PlotlyText.DefaultWidth - left - right), 5));
        json.WriteString("xanchor", "left");
        json.WriteNumber("y", Math.Round(-(AxisHeight - 2) / paper, 5));
        json.WriteString("yanchor", "top");
        json.WriteEndObject();
        json.WriteStartArray("annotations");
        WriteFlowArrows(json, chart);
        for (var i = 0; i < chart.Counters.Count; i++)
            WriteCounterName(json, chart.Counters[i].Name, Fraction(CounterTop(i) - CounterHeight / 2.0));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static List<string> LegendNames(GanttChart chart)
    {
        var names = Enum.GetValues<SegmentState>().Where(s => chart.Lanes.Any(l => l.Segments.Any(g => g.State == s))).Select(s => StateName(chart, s)).ToList();
        if (chart.Lanes.Any(l => l.Spans.Count > 0)) names.Add(SpanLegend);
        if (chart.Markers.Count > 0) names.Add("Marker");
        if (chart.Flows.Count > 0) names.Add(FlowLegend);
        return names;
    }

    // "Running (on CPU)" only where the chart knows it; a chart without CPU time says just "Running".
    private static string StateName(GanttChart chart, SegmentState state) =>
        state == SegmentState.Running && !chart.ShowsCpuTime ? ChartPalette.NameOf(state) : ChartPalette.ShortNameOf(state);

    private const string SpanLegend = "Span";
    private const string FlowLegend = "Arrow (hover)";

    private static void WriteStateTraces(Utf8JsonWriter json, GanttChart chart)
    {
        foreach (var state in Enum.GetValues<SegmentState>())
        {
            var rows = chart.Lanes.SelectMany(l => l.Segments.Where(s => s.State == state).Select(s => (Lane: l.Label, Segment: s))).ToList();
            if (rows.Count == 0) continue;
            json.WriteStartObject();
            json.WriteString("type", "bar");
            json.WriteString("orientation", "h");
            json.WriteString("name", StateName(chart, state));
            PlotlyJson.Strings(json, "y", rows.Select(r => r.Lane));
            if (state == SegmentState.Async)
            {
                // An async row's bars carry their operation's name, as the spans do.
                InBarText(json, rows.Select(r => r.Segment.Label));
            }
            PlotlyJson.Numbers(json, "base", rows.Select(r => r.Segment.Start));
            PlotlyJson.Numbers(json, "x", rows.Select(r => r.Segment.Duration));
            json.WriteNumber("width", state is SegmentState.Blocked or SegmentState.Sleeping ? 0.5 : 0.6);
            PlotlyJson.Marker(json, ChartPalette.For(state));
            WriteCustomData(json, rows.Select(r => (r.Segment.Label, r.Segment.Start, r.Segment.End, (string?)null)));
            json.WriteString("hovertemplate", "%{customdata[0]}<br>%{y}<br>%{customdata[1]:.3f}–%{customdata[2]:.3f} ms<extra>%{fullData.name}</extra>");
            json.WriteEndObject();
        }
    }

    /// <summary>Each bar's hover data: its label, start and end (ms, 4 decimals) and, for spans, a detail line.</summary>
    private static void WriteCustomData(Utf8JsonWriter json, IEnumerable<(string Label, double Start, double End, string? Detail)> bars)
    {
        json.WriteStartArray("customdata");
        foreach (var (label, start, end, detail) in bars)
        {
            json.WriteStartArray();
            json.WriteStringValue(label);
            json.WriteNumberValue(Math.Round(start, 4));
            json.WriteNumberValue(Math.Round(end, 4));
            if (detail is not null) json.WriteStringValue(detail);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteSpanTrace(Utf8JsonWriter json, GanttChart chart, AxisScale time)
    {
        var spans = chart.Lanes.SelectMany(l => l.Spans.Select(s => (Lane: l.Label, Span: s))).ToList();
        if (spans.Count == 0) return;
        // Text starts at its bar's start here: nested spans that start together share one label instead of overprinting.
        var texts = new Dictionary<GanttSpan, string>(ReferenceEqualityComparer.Instance);
        foreach (var lane in chart.Lanes)
            foreach (var (span, text) in SpanLabelLayout.Joined(lane.Spans, time, CharWidth10))
                texts[span] = text;
        json.WriteStartObject();
        json.WriteString("type", "bar");
        json.WriteString("orientation", "h");
        json.WriteString("name", SpanLegend);
        PlotlyJson.Strings(json, "y", spans.Select(s => s.Lane));
        PlotlyJson.Numbers(json, "base", spans.Select(s => s.Span.Start));
        PlotlyJson.Numbers(json, "x", spans.Select(s => s.Span.Duration));
        json.WriteNumber("width", 0.72);
        json.WriteStartObject("marker");
        json.WriteString("color", "rgba(0,0,0,0)");
        json.WriteStartObject("line");
        json.WriteString("color", "#333333");
        json.WriteNumber("width", 1);
        json.WriteEndObject();
        json.WriteEndObject();
        InBarText(json, spans.Select(s => texts.GetValueOrDefault(s.Span, "")));
        WriteCustomData(json, spans.Select(s => (s.Span.Label, s.Span.Start, s.Span.End, (string?)(s.Span.Detail ?? "CPU time not measured"))));
        json.WriteString("hovertemplate", "%{customdata[0]}<br>%{y}<br>%{customdata[1]:.3f}–%{customdata[2]:.3f} ms<br>%{customdata[3]}<extra>span</extra>");
        json.WriteEndObject();
    }

    /// <summary>Labels inside bars where they fit (the layout's uniformtext hides those that would not).</summary>
    private static void InBarText(Utf8JsonWriter json, IEnumerable<string> labels)
    {
        PlotlyJson.Strings(json, "text", labels.Select(label => WebUtility.HtmlEncode(label)));
        json.WriteString("textposition", "inside");
        json.WriteString("insidetextanchor", "start");
        json.WriteStartObject("textfont");
        json.WriteNumber("size", 10);
        json.WriteString("color", "#111111");
        json.WriteEndObject();
    }

    private static void WriteMarkerTrace(Utf8JsonWriter json, GanttChart chart)
    {
        if (chart.Markers.Count == 0) return;
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "markers+text");
        json.WriteString("name", "Marker");
        PlotlyJson.Numbers(json, "x", chart.Markers.Select(m => m.Time));
        PlotlyJson.Strings(json, "y", chart.Markers.Select(m => chart.Lanes[m.Lane].Label));
        // The text is on the chart, not only in the hover: shortened, the hover keeps it whole.
        PlotlyJson.Strings(json, "text", chart.Markers.Select(m => WebUtility.HtmlEncode(Shorten(m.Label, MaxMarkerText))));
        PlotlyJson.Strings(json, "hovertext", chart.Markers.Select(m => WebUtility.HtmlEncode(m.Label)));
        // Text to the right of a marker, or to its left near the end of the time axis, so it stays on the figure.
        var end = Math.Max(chart.EndTime, 1e-9);
        PlotlyJson.Strings(json, "textposition", chart.Markers.Select(m => m.Time > 0.7 * end ? "top left" : "top right"));
        json.WriteBoolean("cliponaxis", false); // text near the right edge runs into the margin rather than being cut
        json.WriteStartObject("textfont");
        json.WriteNumber("size", 10);
        json.WriteString("color", "#a04000");
        json.WriteEndObject();
        json.WriteStartObject("marker");
        json.WriteString("color", ChartPalette.Marker);
        json.WriteString("symbol", "triangle-down");
        json.WriteNumber("size", 10);
        json.WriteEndObject();
        json.WriteString("hovertemplate", "%{hovertext}<br>%{x:.3f} ms<extra></extra>");
        json.WriteEndObject();
    }

    // Annotations cannot have legend entries: an empty line trace explains the arrows in the legend.
    private static void WriteFlowLegend(Utf8JsonWriter json, GanttChart chart)
    {
        if (chart.Flows.Count == 0) return;
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "lines");
        json.WriteString("name", FlowLegend);
        json.WriteStartArray("x");
        json.WriteNullValue();
        json.WriteEndArray();
        json.WriteStartArray("y");
        json.WriteNullValue();
        json.WriteEndArray();
        json.WriteStartObject("line");
        json.WriteString("color", ChartPalette.Flow);
        json.WriteEndObject();
        json.WriteString("hoverinfo", "skip");
        json.WriteEndObject();
    }

    private static void WriteCounterTrace(Utf8JsonWriter json, CounterLane counter, int index, string axis)
    {
        json.WriteStartObject();
        json.WriteString("type", "scatter");
        json.WriteString("mode", "lines");
        json.WriteString("name", counter.Name);
        json.WriteBoolean("showlegend", false); // named beside its lane instead
        json.WriteString("yaxis", axis);
        PlotlyJson.Numbers(json, "x", counter.Points.Select(p => p.Time));
        PlotlyJson.Numbers(json, "y", counter.Points.Select(p => p.Value));
        json.WriteStartObject("line");
        json.WriteString("shape", "hv"); // a counter keeps its value until the next sample
        json.WriteString("color", ChartPalette.Series(index));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteCounterName(Utf8JsonWriter json, string name, double y)
    {
        json.WriteStartObject();
        json.WriteString("text", WebUtility.HtmlEncode(name));
        json.WriteString("xref", "paper");
        json.WriteString("yref", "paper");
        json.WriteNumber("x", 0);
        json.WriteNumber("y", y);
        json.WriteString("xanchor", "right");
        json.WriteString("yanchor", "middle");
        json.WriteNumber("xshift", -8);
        json.WriteBoolean("showarrow", false);
        json.WriteEndObject();
    }

    private static void WriteFlowArrows(Utf8JsonWriter json, GanttChart chart)
    {
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
            json.WriteNumber("opacity", chart.Flows.Count > 40 ? 0.5 : 0.9);
            json.WriteString("text", "");
            json.WriteString("hovertext", WebUtility.HtmlEncode(flow.Label));
            json.WriteEndObject();
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
