namespace ConcurrencyLab.Charts;

/// <summary>The plot area, axes, grid and titles shared by the bar and XY charts.</summary>
internal sealed class CartesianFrame
{
    public const double Left = 70, Right = 24, Top = 44, Bottom = 80;

    public CartesianFrame(Chart chart, int height, AxisScale y)
    {
        Width = chart.Width;
        Height = height;
        Y = y;
        PlotBottom = height - Bottom;
    }

    public int Width { get; }
    public int Height { get; }
    public AxisScale Y { get; }
    public double PlotBottom { get; }
    public double PlotRight => Width - Right;

    public static AxisScale VerticalScale(double min, double max, int height) => new(min, max, height - Bottom, Top, 6);

    public void DrawFrame(SvgBuilder svg, Chart chart)
    {
        svg.Text(Width / 2.0, 22, chart.Title, "middle", 15, bold: true);
        foreach (var tick in Y.Ticks())
        {
            var y = Y.ToPixel(tick);
            svg.Line(Left, y, PlotRight, y, "#e5e5e5");
            svg.Text(Left - 6, y + 4, SvgBuilder.Num(tick), "end", 10, "#555555");
        }
        svg.Line(Left, PlotBottom, PlotRight, PlotBottom, "#888888");
        svg.Line(Left, Top, Left, PlotBottom, "#888888");
        // Below the category labels, which may take two lines.
        svg.Text((Left + PlotRight) / 2, PlotBottom + 46, chart.XAxisTitle, "middle", 11, "#555555");
        // Upright along the axis, left of the tick labels, as plotly draws it.
        svg.Text(16, (Top + PlotBottom) / 2, chart.YAxisTitle, "middle", 11, "#555555", rotate: -90);
    }

    /// <summary>A vertical error bar with caps.</summary>
    public void ErrorBar(SvgBuilder svg, double x, double value, double error)
    {
        var top = Y.ToPixel(value + error);
        var bottom = Y.ToPixel(value - error);
        svg.Line(x, top, x, bottom, "#333333");
        svg.Line(x - 4, top, x + 4, top, "#333333");
        svg.Line(x - 4, bottom, x + 4, bottom, "#333333");
    }

    public void Legend(SvgBuilder svg, IReadOnlyList<(string Name, string Color)> entries)
    {
        var x = Left;
        var y = Height - 14.0;
        foreach (var (name, color) in entries)
        {
            svg.Rect(x, y - 9, 12, 12, color);
            svg.Text(x + 16, y + 1, name, "start", 11);
            x += 30 + name.Length * 6.5;
        }
    }
}
