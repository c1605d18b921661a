using System.Globalization;

namespace ConcurrencyLab.Charts;

/// <summary>Draws a <see cref="BarChart"/> as grouped vertical bars with error bars.</summary>
internal static class BarSvgWriter
{
    public static string Write(BarChart chart)
    {
        double max = 0, min = 0;
        foreach (var series in chart.Series)
            for (var i = 0; i < series.Values.Count; i++)
            {
                var error = series.Errors is { } e && i < e.Count && double.IsFinite(e[i]) ? e[i] : 0;
                if (!double.IsFinite(series.Values[i])) continue; // a missing value: no bar, no effect on the axis
                max = Math.Max(max, series.Values[i] + error);
                min = Math.Min(min, series.Values[i] - error);
            }
        var frame = new CartesianFrame(chart, chart.Height, CartesianFrame.VerticalScale(min, max, chart.Height));
        var svg = new SvgBuilder(chart.Width, chart.Height);
        frame.DrawFrame(svg, chart);

        var categories = Math.Max(chart.Categories.Count, chart.Series.Count == 0 ? 0 : chart.Series.Max(s => s.Values.Count));
        var groupWidth = (frame.PlotRight - CartesianFrame.Left) / Math.Max(categories, 1);
        var barWidth = groupWidth * 0.8 / Math.Max(chart.Series.Count, 1);
        var zero = frame.Y.ToPixel(0);
        for (var c = 0; c < categories; c++)
        {
            var groupLeft = CartesianFrame.Left + c * groupWidth + groupWidth * 0.1;
            if (c < chart.Categories.Count)
            {
                var lines = CategoryLines(chart.Categories[c], groupWidth);
                for (var line = 0; line < lines.Count; line++)
                    svg.Text(groupLeft + groupWidth * 0.4, frame.PlotBottom + 16 + line * 13, lines[line], "middle", 11);
            }
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var series = chart.Series[s];
                if (c >= series.Values.Count || !double.IsFinite(series.Values[c])) continue;
                var value = series.Values[c];
                var y = frame.Y.ToPixel(value);
                var x = groupLeft + s * barWidth;
                var category = c < chart.Categories.Count ? chart.Categories[c] : "";
                svg.Rect(x, Math.Min(y, zero), barWidth * 0.95, Math.Abs(zero - y), series.Color ?? ChartPalette.Series(s),
                    string.Create(CultureInfo.InvariantCulture, $"{series.Name} {category}: {value:G4}"));
                if (series.Errors is { } errors && c < errors.Count && double.IsFinite(errors[c]))
                    frame.ErrorBar(svg, x + barWidth * 0.475, value, errors[c]);
            }
        }
        frame.Legend(svg, chart.Series.Select((s, i) => (s.Name, s.Color ?? ChartPalette.Series(i))).ToList());
        return svg.ToString();
    }

    /// <summary>
    /// A category label that fits its slot: as is, else split at the space nearest the middle, else each line
    /// shortened with an ellipsis (the bar's tooltip keeps the full name).
    /// </summary>
    internal static IReadOnlyList<string> CategoryLines(string label, double slotWidth)
    {
        var fits = (int)Math.Max(4, slotWidth / SvgBuilder.LabelCharWidth);
        if (label.Length <= fits)
            return new[] { label };
        var middle = label.Length / 2;
        var spaces = Enumerable.Range(0, label.Length).Where(i => label[i] == ' ').OrderBy(i => Math.Abs(i - middle)).ToList();
        var lines = spaces.Count == 0
            ? new[] { label }
            : new[] { label[..spaces[0]], label[(spaces[0] + 1)..] };
        return lines.Select(line => line.Length <= fits ? line : line[..(fits - 1)] + "…").ToArray();
    }
}
