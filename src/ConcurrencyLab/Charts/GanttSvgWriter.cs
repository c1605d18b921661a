using System.Globalization;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Draws a <see cref="GanttChart"/> so that it reads completely without hovering: labelled rows, span outlines with
/// their labels where they fit, marker text beside each marker or a numbered key under the chart, arrows labelled once
/// per kind and counted in a key, counter lanes with a scale, and a legend that wraps.
/// </summary>
internal static class GanttSvgWriter
{
    private const double MinLeft = 150, Top = 44, SubtitleHeight = 16, LaneHeight = 26, BarHeight = 16, CounterHeight = 56, CounterGap = 18;
    private const double KeyLine = 15, LegendLine = 18, SmallCharWidth = 5.4; // 10 px text
    private const double NoteLine = 14;
    private const int MaxThreadNotes = 12;

    public static string Write(GanttChart chart)
    {
        double right = chart.Counters.Count > 0 ? 48 : 24;
        var subtitle = SubtitleLines(chart);
        var top = Top + subtitle.Count * SubtitleHeight;
        var left = LeftMargin(chart);
        var time = new AxisScale(0, chart.EndTime, left, chart.Width - right);
        var lanesBottom = top + chart.Lanes.Count * LaneHeight;
        var axisBottom = lanesBottom + 40;
        var countersBottom = axisBottom + chart.Counters.Count * (CounterHeight + CounterGap);

        var markers = PlaceMarkers(chart, time, right);
        var key = markers.Where(m => m.Number > 0).Select(m => string.Format(CultureInfo.InvariantCulture,
            "{0}  {1} ({2}, {3:0.###} ms)", m.Number, m.Marker.Label, chart.Lanes[m.Marker.Lane].Label, m.Marker.Time)).ToList();
        key.AddRange(FlowKey(chart));
        var legend = LegendEntries(chart);
        var legendLines = LegendLines(legend, chart.Width - 2 * 12.0);
        var notes = NoteLines(chart);
        var height = (int)Math.Ceiling(countersBottom + 12 + legendLines.Count * LegendLine + key.Count * KeyLine
            + (notes.Count > 0 ? 6 + notes.Count * NoteLine : 0) + 12);

        var svg = new SvgBuilder(chart.Width, height);
        svg.Text(chart.Width / 2.0, 22, chart.Title, "middle", 15, bold: true);
        for (var i = 0; i < subtitle.Count; i++)
            svg.Text(chart.Width / 2.0, 22 + (i + 1) * SubtitleHeight, subtitle[i], "middle", 10, "#555555");
        DrawTimeAxis(svg, chart, time, top, lanesBottom, left, right);
        DrawLanes(svg, chart, time, top, left, right);
        // Text boxes already on the chart, so flow labels never land on a marker's text or on each other.
        var occupied = new List<(double X1, double Y1, double X2, double Y2)>();
        DrawMarkers(svg, markers, time, top, occupied);
        DrawFlows(svg, chart, time, top, occupied);
        DrawCounters(svg, chart, time, axisBottom, left, right);
        var y = countersBottom + 12;
        foreach (var line in legendLines)
        {
            DrawLegendLine(svg, line, 12, y + 10);
            y += LegendLine;
        }
        foreach (var line in key)
        {
            svg.Text(12, y + 11, line, "start", 10, "#333333");
            y += KeyLine;
        }
        // The figures the text summary gives (on-CPU time, parallelism, blocked time), so the static chart needs no other output.
        if (notes.Count > 0) y += 6;
        foreach (var line in notes)
        {
            // Per-thread lines are indented in the text; SVG collapses leading spaces, so the indent is drawn instead.
            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            svg.Text(indented ? 24 : 12, y + 11, line.TrimStart(' '), "start", 10, "#333333");
            y += NoteLine;
        }
        return svg.ToString();
    }

    private static List<string> SubtitleLines(GanttChart chart) =>
        chart.Subtitle.Length == 0 ? new List<string>()
            : chart.Subtitle.Split('\n').SelectMany(line => PlotlyText.Wrap(line, (int)((chart.Width - 24) / SmallCharWidth))).ToList();

    /// <summary>
    /// The chart's notes, wrapped to its width; per-thread lines (indented) beyond <see cref="MaxThreadNotes"/> are
    /// counted instead of listed, so a chart of forty threads keeps a readable height.
    /// </summary>
    internal static List<string> NoteLines(GanttChart chart)
    {
        var chars = (int)((chart.Width - 24) / SmallCharWidth);
        var lines = new List<string>();
        var perThread = 0;
        foreach (var note in chart.Notes)
        {
            if (note.StartsWith("  ", StringComparison.Ordinal) && ++perThread > MaxThreadNotes) continue;
            lines.AddRange(PlotlyText.Wrap(note, chars));
        }
        if (perThread > MaxThreadNotes)
            lines.Add(string.Format(CultureInfo.InvariantCulture, "  … and {0} more rows like these (listed in the text summary)", perThread - MaxThreadNotes));
        return lines;
    }

    // Room for the longest row label (thread names such as ".NET Long Running Task (dedicated, bg)"), within
    // 40% of the width so the bars keep most of the chart; longer labels are shortened in the middle.
    private static double LeftMargin(GanttChart chart)
    {
        var longest = chart.Lanes.Select(l => l.Label.Length).Concat(chart.Counters.Select(c => c.Name.Length)).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Ceiling(longest * SvgBuilder.LabelCharWidth) + 16, MinLeft, chart.Width * 0.4);
    }

    /// <summary>A row label that fits <paramref name="width"/>: the start (thread id and name) and the end (its kind) stay.</summary>
    internal static string FitLabel(string label, double width)
    {
        var fits = (int)(width / SvgBuilder.LabelCharWidth);
        if (label.Length <= fits || fits < 8) return label;
        // Keep a trailing "(pool, bg)" whole when there is one: it says what kind of thread the row is.
        var paren = label.LastIndexOf(" (", StringComparison.Ordinal);
        var tail = paren > 0 && label.Length - paren <= 14 ? label.Length - paren - 1 : Math.Min(10, fits / 3);
        return label[..(fits - tail - 1)] + "…" + label[^tail..];
    }

    private static double LaneCenter(double top, int lane) => top + lane * LaneHeight + LaneHeight / 2;

    private static void DrawTimeAxis(SvgBuilder svg, GanttChart chart, AxisScale time, double top, double lanesBottom, double left, double right)
    {
        foreach (var tick in time.Ticks())
        {
            var x = time.ToPixel(tick);
            svg.Line(x, top, x, lanesBottom, "#e5e5e5");
            svg.Text(x, lanesBottom + 14, SvgBuilder.Num(tick), "middle", 10, "#555555");
        }
        svg.Line(left, lanesBottom, chart.Width - right, lanesBottom, "#888888");
        svg.Text((left + chart.Width - right) / 2, lanesBottom + 30, chart.XAxisTitle, "middle", 11, "#555555");
    }

    private static void DrawLanes(SvgBuilder svg, GanttChart chart, AxisScale time, double top, double left, double right)
    {
        for (var lane = 0; lane < chart.Lanes.Count; lane++)
        {
            var center = LaneCenter(top, lane);
            if (lane % 2 == 1)
                svg.Rect(left, center - LaneHeight / 2, chart.Width - right - left, LaneHeight, "#f6f6f6");
            svg.Text(left - 8, center + 4, FitLabel(chart.Lanes[lane].Label, left - 14), "end", 11);
            foreach (var segment in chart.Lanes[lane].Segments)
            {
                var x = time.ToPixel(segment.Start);
                // At least half a pixel wide, so a very short span is still visible and hoverable.
                var width = Math.Max(time.ToPixel(segment.End) - x, 0.5);
                var tooltip = string.Format(CultureInfo.InvariantCulture, "{0} ({1}) {2:0.###}–{3:0.###} ms",
                    segment.Label, ChartPalette.NameOf(segment.State), segment.Start, segment.End);
                var height = segment.State is SegmentState.Blocked or SegmentState.Sleeping ? BarHeight - 4 : BarHeight;
                svg.Rect(x, center - height / 2, width, height, ChartPalette.For(segment.State), tooltip,
                    segment.State == SegmentState.Async ? 0.8 : 1);
                if (segment.State == SegmentState.Async && chart.Lanes[lane].Spans.Count == 0)
                    InBarLabel(svg, segment.Label, x, width, center);
            }
            foreach (var span in chart.Lanes[lane].Spans)
            {
                var x = time.ToPixel(span.Start);
                var width = Math.Max(time.ToPixel(span.End) - x, 0.5);
                var tooltip = string.Format(CultureInfo.InvariantCulture, "{0} {1:0.###}–{2:0.###} ms{3}",
                    span.Label, span.Start, span.End, span.Detail is null ? "" : ": " + span.Detail);
                svg.Outline(x, center - BarHeight / 2 - 1, width, BarHeight + 2, "#333333", tooltip);
            }
            foreach (var label in SpanLabelLayout.Place(chart.Lanes[lane].Spans, time, SmallCharWidth))
                svg.Text(label.X, center + 3.5, label.Text, "start", 10, "#111111");
        }
    }

    // The label inside its bar when the whole of it fits, so nothing has to be hovered to be read.
    private static void InBarLabel(SvgBuilder svg, string label, double x, double width, double center)
    {
        if (label.Length * SmallCharWidth + 6 <= width)
            svg.Text(x + 3, center + 3.5, label, "start", 10, "#111111");
    }

    private readonly record struct PlacedMarker(GanttMarker Marker, int Number, string? Inline);

    /// <summary>Each marker gets its text beside it when that fits before the next marker on its row, else a number in the key.</summary>
    private static List<PlacedMarker> PlaceMarkers(GanttChart chart, AxisScale time, double right)
    {
        var placed = new List<PlacedMarker>();
        var number = 0;
        foreach (var lane in chart.Markers.Where(m => m.Lane >= 0 && m.Lane < chart.Lanes.Count).GroupBy(m => m.Lane))
        {
            var ordered = lane.OrderBy(m => m.Time).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var x = time.ToPixel(ordered[i].Time);
                var limit = i + 1 < ordered.Count ? time.ToPixel(ordered[i + 1].Time) - 6 : chart.Width - right;
                var fits = x + 7 + ordered[i].Label.Length * SmallCharWidth <= limit;
                placed.Add(fits ? new PlacedMarker(ordered[i], 0, ordered[i].Label) : new PlacedMarker(ordered[i], 0, null));
            }
        }
        // Numbers in time order across the chart, so the key reads as a story.
        return placed.OrderBy(p => p.Marker.Time)
            .Select(p => p.Inline is null ? p with { Number = ++number } : p).ToList();
    }

    private static void DrawMarkers(SvgBuilder svg, List<PlacedMarker> markers, AxisScale time, double top, List<(double, double, double, double)> occupied)
    {
        foreach (var (marker, number, inline) in markers)
        {
            var x = time.ToPixel(marker.Time);
            var y = LaneCenter(top, marker.Lane) - BarHeight / 2 - 1;
            var tooltip = string.Format(CultureInfo.InvariantCulture, "{0} at {1:0.###} ms", marker.Label, marker.Time);
            svg.Polygon(new[] { (x, y + 5), (x - 5, y - 2), (x + 5, y - 2) }, ChartPalette.Marker, tooltip);
            var text = inline ?? number.ToString(CultureInfo.InvariantCulture);
            svg.Text(x + 7, y + 2, text, "start", 10, "#a04000", bold: inline is null);
            occupied.Add((x + 7, y - 8, x + 7 + text.Length * SmallCharWidth, y + 4));
        }
    }

    private static void DrawFlows(SvgBuilder svg, GanttChart chart, AxisScale time, double top, List<(double X1, double Y1, double X2, double Y2)> occupied)
    {
        // Many arrows are drawn lighter, so they show where releases happen without hiding the bars.
        var color = chart.Flows.Count > 40 ? "#888888" : ChartPalette.Flow;
        var labelled = new HashSet<string>();
        foreach (var flow in chart.Flows)
        {
            var tooltip = string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.###} → {2:0.###} ms", flow.Label, flow.FromTime, flow.ToTime);
            double x1 = time.ToPixel(flow.FromTime), y1 = LaneCenter(top, flow.FromLane), x2 = time.ToPixel(flow.ToTime), y2 = LaneCenter(top, flow.ToLane);
            svg.Arrow(x1, y1, x2, y2, color, tooltip);
            // The first arrow of each kind between two rows says what it is; the key counts the rest.
            if (chart.Flows.Count > 40 || labelled.Contains($"{flow.FromLane}>{flow.ToLane}:{FlowKind(flow.Label)}")) continue;
            var kind = FlowKind(flow.Label);
            double lx = Math.Max(x1, x2) + 4, ly = (y1 + y2) / 2 + 3;
            var box = (X1: lx, Y1: ly - 8, X2: lx + kind.Length * 4.9, Y2: ly + 2);
            if (box.X2 > chart.Width || occupied.Any(o => box.X1 < o.X2 && o.X1 < box.X2 && box.Y1 < o.Y2 && o.Y1 < box.Y2)) continue;
            labelled.Add($"{flow.FromLane}>{flow.ToLane}:{kind}");
            occupied.Add(box);
            svg.Text(lx, ly, kind, "start", 9, "#444444");
        }
    }

    /// <summary>"released lock gate" → "released"; "started fetch 3" → "started": what an arrow means, without its object.</summary>
    internal static string FlowKind(string label)
    {
        foreach (var kind in new[] { "released", "started", "continued", "thread ended" })
            if (label.StartsWith(kind, StringComparison.Ordinal)) return kind;
        return label.Length <= 24 ? label : label[..23] + "…";
    }

    private static IEnumerable<string> FlowKey(GanttChart chart)
    {
        if (chart.Flows.Count == 0) yield break;
        var kinds = chart.Flows.GroupBy(f => FlowKind(f.Label)).Select(g => string.Format(CultureInfo.InvariantCulture, "{0} {1}", g.Count(), g.Key switch
        {
            "released" => "released by (from the thread that let a waiter go)",
            "started" => "started (from the thread that began an async operation)",
            "continued" => "continued (to the thread its awaiting code resumed on)",
            "thread ended" => "thread ended (a joined thread's last work)",
            var other => other,
        }));
        yield return "Arrows: " + string.Join("; ", kinds);
    }

    private static void DrawCounters(SvgBuilder svg, GanttChart chart, AxisScale time, double top, double left, double right)
    {
        for (var i = 0; i < chart.Counters.Count; i++)
        {
            var counter = chart.Counters[i];
            var laneTop = top + i * (CounterHeight + CounterGap);
            var laneBottom = laneTop + CounterHeight;
            // A value a cell could not compute (NaN, infinity) is a gap, as in the other charts.
            var samples = counter.Points.Where(p => double.IsFinite(p.Value)).ToList();
            var integers = samples.All(p => p.Value == Math.Floor(p.Value));
            var max = samples.Count == 0 ? 1 : Math.Max(1, samples.Max(p => p.Value));
            var scale = new AxisScale(0, max, laneBottom, laneTop + 4, 2, integers ? 1 : 0);
            // The scale: grid lines with their values on the right, so the reader sees what the line's height means.
            foreach (var tick in scale.Ticks())
            {
                var y = scale.ToPixel(tick);
                svg.Line(left, y, chart.Width - right, y, tick == 0 ? "#bbbbbb" : "#eeeeee");
                svg.Text(chart.Width - right + 4, y + 3.5, SvgBuilder.Num(tick), "start", 9, "#555555");
            }
            svg.Text(left - 8, laneTop + CounterHeight / 2 + 4, FitLabel(counter.Name, left - 14), "end", 11);
            if (samples.Count == 0) continue;
            // Step line: a counter keeps its value until the next sample.
            var points = new List<(double, double)>(samples.Count * 2);
            for (var p = 0; p < samples.Count; p++)
            {
                var x = time.ToPixel(samples[p].Time);
                if (p > 0) points.Add((x, scale.ToPixel(samples[p - 1].Value)));
                points.Add((x, scale.ToPixel(samples[p].Value)));
            }
            svg.Polyline(points, ChartPalette.Series(i));
        }
    }

    private enum LegendSymbol { Box, Outline, Marker, Arrow }

    private static List<(string Name, string Color, LegendSymbol Symbol)> LegendEntries(GanttChart chart)
    {
        var entries = chart.Lanes.SelectMany(l => l.Segments).Select(s => s.State).Distinct().OrderBy(s => s)
            .Select(s => (s == SegmentState.Running && chart.ShowsCpuTime ? "Running (on a CPU)" : ChartPalette.NameOf(s), ChartPalette.For(s), LegendSymbol.Box)).ToList();
        if (chart.Lanes.Any(l => l.Spans.Count > 0)) entries.Add(("Span (outline)", "#333333", LegendSymbol.Outline));
        if (chart.Markers.Count > 0) entries.Add(("Marker", ChartPalette.Marker, LegendSymbol.Marker));
        if (chart.Flows.Count > 0) entries.Add(("Arrow (see key)", ChartPalette.Flow, LegendSymbol.Arrow));
        return entries;
    }

    private static double EntryWidth(string name) => 30 + name.Length * 6.5;

    private static List<List<(string Name, string Color, LegendSymbol Symbol)>> LegendLines(
        List<(string Name, string Color, LegendSymbol Symbol)> entries, double width)
    {
        var lines = new List<List<(string, string, LegendSymbol)>>();
        double x = 0;
        foreach (var entry in entries)
        {
            if (lines.Count == 0 || x + EntryWidth(entry.Name) > width)
            {
                lines.Add(new List<(string, string, LegendSymbol)>());
                x = 0;
            }
            lines[^1].Add(entry);
            x += EntryWidth(entry.Name);
        }
        return lines;
    }

    private static void DrawLegendLine(SvgBuilder svg, List<(string Name, string Color, LegendSymbol Symbol)> line, double x, double y)
    {
        foreach (var (name, color, symbol) in line)
        {
            switch (symbol)
            {
                case LegendSymbol.Box: svg.Rect(x, y - 9, 12, 12, color); break;
                case LegendSymbol.Outline: svg.Outline(x, y - 9, 12, 12, color); break;
                case LegendSymbol.Marker: svg.Polygon(new[] { (x + 6, y + 3), (x + 1, y - 6), (x + 11, y - 6) }, color); break;
                case LegendSymbol.Arrow: svg.Arrow(x, y - 3, x + 12, y - 3, color); break;
            }
            svg.Text(x + 16, y + 1, name, "start", 11);
            x += EntryWidth(name);
        }
    }
}
