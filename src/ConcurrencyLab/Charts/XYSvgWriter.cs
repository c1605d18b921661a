using System.Globalization;

namespace ConcurrencyLab.Charts;

/// <summary>Draws an <see cref="XYChart"/>: lines and/or markers, error bars and vertical rules.</summary>
internal static class XYSvgWriter
{
    public static string Write(XYChart chart)
    {
        // NaN and infinities (a failed or empty measurement) are gaps: they neither scale the axes nor get drawn.
        var xs = chart.Series.SelectMany(s => s.X).Concat(chart.VerticalRules.Select(r => r.X)).Where(double.IsFinite).ToList();
        var ys = chart.Series.SelectMany(s => s.Y.Select((y, i) => (y, e: s.ErrorY is { } e && i < e.Count && double.IsFinite(e[i]) ? e[i] : 0)))
            .SelectMany(p => new[] { p.y + p.e, p.y - p.e }).Where(double.IsFinite).ToList();
        var yMin = ys.Count == 0 ? 0 : ys.Min();
        var yMax = ys.Count == 0 ? 1 : ys.Max();
        if (chart.YFromZero) yMin = Math.Min(0, yMin);
        var frame = new CartesianFrame(chart, chart.Height, CartesianFrame.VerticalScale(yMin, yMax, chart.Height));
        var wholeNumbers = xs.All(value => value == Math.Floor(value));
        var x = new AxisScale(xs.Count == 0 ? 0 : xs.Min(), xs.Count == 0 ? 1 : xs.Max(), CartesianFrame.Left, frame.PlotRight, minimumStep: wholeNumbers ? 1 : 0);
        var svg = new SvgBuilder(chart.Width, chart.Height);
        frame.DrawFrame(svg, chart);
        foreach (var tick in x.Ticks())
            svg.Text(x.ToPixel(tick), frame.PlotBottom + 16, SvgBuilder.Num(tick), "middle", 10, "#555555");

        foreach (var rule in chart.VerticalRules.Where(r => double.IsFinite(r.X)))
        {
            var px = x.ToPixel(rule.X);
            svg.Line(px, CartesianFrame.Top, px, frame.PlotBottom, "#777777", 1, "2,3");
            svg.Text(px + 4, CartesianFrame.Top + 10, rule.Label, "start", 10, "#555555");
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = series.Color ?? ChartPalette.Series(s);
            var count = Math.Min(series.X.Count, series.Y.Count);
            var drawn = Enumerable.Range(0, count).Where(i => double.IsFinite(series.X[i]) && double.IsFinite(series.Y[i])).ToList();
            var points = drawn.Select(i => (x.ToPixel(series.X[i]), frame.Y.ToPixel(series.Y[i]))).ToList();
            if (series.Mode != XYSeriesMode.Markers && points.Count > 1)
                svg.Polyline(points, color, 2, series.Dashed ? "6,4" : null);
            for (var p = 0; p < drawn.Count; p++)
            {
                var i = drawn[p];
                if (series.ErrorY is { } errors && i < errors.Count && double.IsFinite(errors[i]))
                    frame.ErrorBar(svg, points[p].Item1, series.Y[i], errors[i]);
                if (series.Mode != XYSeriesMode.Lines)
                    svg.Circle(points[p].Item1, points[p].Item2, 3.5, color, string.Create(CultureInfo.InvariantCulture, $"{series.Name}: ({series.X[i]:G4}, {series.Y[i]:G4})"));
            }
        }
        frame.Legend(svg, chart.Series.Select((s, i) => (s.Name, s.Color ?? ChartPalette.Series(i))).ToList());
        return svg.ToString();
    }
}
