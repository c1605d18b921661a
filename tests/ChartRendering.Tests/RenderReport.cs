namespace ChartRendering.Tests;

/// <summary>What Harness/measure.js measured (pixels, relative to each figure's top-left corner).</summary>
public sealed record RenderReport(string? Plotly, string? Fatal, List<RenderedFigure>? Figures);

public sealed record RenderedFigure(string Name, List<string> Errors, Box? Svg, List<Box>? Plots, List<Label>? Yticks, List<Label>? Xticks,
    List<Label>? Titles, List<Label>? Annotations, List<Label>? PointTexts, Box? Legend, List<RenderedTable>? Tables);

public sealed record RenderedTable(int Rows, Box Box, List<Label> Cells);

public record Box(double X, double Y, double W, double H)
{
    public double Right => X + W;
    public double Bottom => Y + H;

    public bool Overlaps(Box other, double tolerance = 1) =>
        X < other.Right - tolerance && other.X < Right - tolerance && Y < other.Bottom - tolerance && other.Y < Bottom - tolerance;

    public bool Inside(Box outer, double tolerance = 1) =>
        X >= outer.X - tolerance && Y >= outer.Y - tolerance && Right <= outer.Right + tolerance && Bottom <= outer.Bottom + tolerance;

    public override string ToString() => $"({X:0},{Y:0} {W:0}×{H:0})";
}

public sealed record Label(string Text, string Cls, double X, double Y, double W, double H) : Box(X, Y, W, H)
{
    public override string ToString() => $"\"{Text}\" {base.ToString()}";
}
