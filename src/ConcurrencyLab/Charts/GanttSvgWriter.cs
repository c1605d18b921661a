using System.Globalization;

namespace ConcurrencyLab.Charts;

/// <summary>Draws a <see cref="GanttChart"/>: lanes, segments, markers, flow arrows, counter lanes, legend.</summary>
internal static class GanttSvgWriter
{
    private const double MinLeft = 170, Right = 24, Top = 44, LaneHeight = 26, BarHeight = 16, CounterHeight = 56, CounterGap = 18;

    public static string Write(GanttChart chart)
    {
        var lanesBottom = Top + chart.Lanes.Count * LaneHeight;
        var axisBottom = lanesBottom + 40;
        var countersBottom = axisBottom + chart.Counters.Count * (CounterHeight + CounterGap);
        var height = (int)Math.Ceiling(countersBottom + 34);
        var svg = new SvgBuilder(chart.Width, height);
        var left = LeftMargin(chart);
        var time = new AxisScale(0, chart.EndTime, left, chart.Width - Right);

        svg.Text(chart.Width / 2.0, 22, chart.Title, "middle", 15, bold: true);
        DrawTimeAxis(svg, chart, time, lanesBottom, left);
        DrawLanes(svg, chart, time, left);
        DrawMarkers(svg, chart, time);
        DrawFlows(svg, chart, time);
        DrawCounters(svg, chart, time, axisBottom, left);
        DrawLegend(svg, chart, countersBottom + 18, left);
        return svg.ToString();
    }

    // Room for the longest row label (thread names such as ".NET Long Running Task (dedicated, bg)"), within
    // 40% of the width so the bars keep most of the chart.
    private static double LeftMargin(GanttChart chart)
    {
        var longest = chart.Lanes.Select(l => l.Label.Length).Concat(chart.Counters.Select(c => c.Name.Length)).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Ceiling(longest * SvgBuilder.LabelCharWidth) + 16, MinLeft, chart.Width * 0.4);
    }

    private static double LaneCenter(int lane) => Top + lane * LaneHeight + LaneHeight / 2;

    private static void DrawTimeAxis(SvgBuilder svg, GanttChart chart, AxisScale time, double lanesBottom, double left)
    {
        foreach (var tick in time.Ticks())
        {
            var x = time.ToPixel(tick);
            svg.Line(x, Top, x, lanesBottom, "#e5e5e5");
            svg.Text(x, lanesBottom + 14, SvgBuilder.Num(tick), "middle", 10, "#555555");
        }
        svg.Line(left, lanesBottom, chart.Width - Right, lanesBottom, "#888888");
        svg.Text((left + chart.Width - Right) / 2, lanesBottom + 30, chart.XAxisTitle, "middle", 11, "#555555");
    }

    private static void DrawLanes(SvgBuilder svg, GanttChart chart, AxisScale time, double left)
    {
        for (var lane = 0; lane < chart.Lanes.Count; lane++)
        {
            var center = LaneCenter(lane);
            if (lane % 2 == 1)
                svg.Rect(left, center - LaneHeight / 2, chart.Width - Right - left, LaneHeight, "#f6f6f6");
            svg.Text(left - 8, center + 4, chart.Lanes[lane].Label, "end", 11);
            foreach (var segment in chart.Lanes[lane].Segments)
            {
                var x = time.ToPixel(segment.Start);
                // At least half a pixel wide, so a very short span is still visible and hoverable.
                var width = Math.Max(time.ToPixel(segment.End) - x, 0.5);
                var tooltip = string.Format(CultureInfo.InvariantCulture, "{0} ({1}) {2:0.###}–{3:0.###} ms",
                    segment.Label, ChartPalette.NameOf(segment.State), segment.Start, segment.End);
                svg.Rect(x, center - BarHeight / 2, width, BarHeight, ChartPalette.For(segment.State), tooltip,
                    segment.State == SegmentState.Async ? 0.8 : 1);
            }
        }
    }

    private static void DrawMarkers(SvgBuilder svg, GanttChart chart, AxisScale time)
    {
        foreach (var marker in chart.Markers)
        {
            var x = time.ToPixel(marker.Time);
            var y = LaneCenter(marker.Lane) - BarHeight / 2 - 1;
            var tooltip = string.Format(CultureInfo.InvariantCulture, "{0} at {1:0.###} ms", marker.Label, marker.Time);
            svg.Polygon(new[] { (x, y + 5), (x - 5, y - 2), (x + 5, y - 2) }, ChartPalette.Marker, tooltip);
        }
    }

    private static void DrawFlows(SvgBuilder svg, GanttChart chart, AxisScale time)
    {
        foreach (var flow in chart.Flows)
        {
            var tooltip = string.Format(CultureInfo.InvariantCulture, "{0}: {1:0.###} → {2:0.###} ms", flow.Label, flow.FromTime, flow.ToTime);
            svg.Arrow(time.ToPixel(flow.FromTime), LaneCenter(flow.FromLane), time.ToPixel(flow.ToTime), LaneCenter(flow.ToLane),
                ChartPalette.Flow, tooltip);
        }
    }

    private static void DrawCounters(SvgBuilder svg, GanttChart chart, AxisScale time, double top, double left)
    {
        for (var i = 0; i < chart.Counters.Count; i++)
        {
            var counter = chart.Counters[i];
            var laneTop = top + i * (CounterHeight + CounterGap);
            var laneBottom = laneTop + CounterHeight;
            // A value a cell could not compute (NaN, infinity) is a gap, as in the other charts.
            var samples = counter.Points.Where(p => double.IsFinite(p.Value)).ToList();
            var max = samples.Count == 0 ? 1 : Math.Max(1, samples.Max(p => p.Value));
            svg.Line(left, laneBottom, chart.Width - Right, laneBottom, "#bbbbbb");
            svg.Text(left - 8, laneTop + CounterHeight / 2 + 4, counter.Name, "end", 11);
            svg.Text(left + 2, laneTop + 9, "max " + SvgBuilder.Num(max), "start", 9, "#777777");
            if (samples.Count == 0) continue;
            double Y(double v) => laneBottom - v / max * (CounterHeight - 4);
            // Step line: a counter keeps its value until the next sample.
            var points = new List<(double, double)>(samples.Count * 2);
            for (var p = 0; p < samples.Count; p++)
            {
                var x = time.ToPixel(samples[p].Time);
                if (p > 0) points.Add((x, Y(samples[p - 1].Value)));
                points.Add((x, Y(samples[p].Value)));
            }
            svg.Polyline(points, ChartPalette.Series(i));
        }
    }

    private static void DrawLegend(SvgBuilder svg, GanttChart chart, double y, double left)
    {
        var states = chart.Lanes.SelectMany(l => l.Segments).Select(s => s.State).Distinct().OrderBy(s => s).ToList();
        var x = left;
        foreach (var state in states)
        {
            svg.Rect(x, y - 9, 12, 12, ChartPalette.For(state));
            svg.Text(x + 16, y + 1, ChartPalette.NameOf(state), "start", 11);
            x += 30 + ChartPalette.NameOf(state).Length * 6.5;
        }
        if (chart.Markers.Count > 0)
        {
            svg.Polygon(new[] { (x + 6, y + 3), (x + 1, y - 6), (x + 11, y - 6) }, ChartPalette.Marker);
            svg.Text(x + 16, y + 1, "Marker", "start", 11);
            x += 70;
        }
        if (chart.Flows.Count > 0)
        {
            svg.Arrow(x, y - 3, x + 20, y - 3, ChartPalette.Flow);
            svg.Text(x + 26, y + 1, "Released by", "start", 11);
        }
    }
}
