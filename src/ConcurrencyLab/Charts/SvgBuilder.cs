using System.Globalization;
using System.Security;
using System.Text;

namespace ConcurrencyLab.Charts;

/// <summary>
/// Writes SVG elements with presentation attributes only (no style, class or id: GitHub strips them),
/// escaping every text and formatting every number culture-invariantly so output is byte-stable.
/// </summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder _svg = new();

    public SvgBuilder(int width, int height)
    {
        _svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width)
            .Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        _svg.Append("<rect x=\"0\" y=\"0\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" fill=\"#ffffff\"/>\n");
    }

    /// <summary>Invariant, at most two decimals, never "-0", so golden files do not depend on culture or noise.</summary>
    /// <summary>Average width of a character of 11 px sans-serif label text: enough to lay out labels without measuring fonts.</summary>
    public const double LabelCharWidth = 6.2;

    public static string Num(double value)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>XML-escapes text for element content and attribute values.</summary>
    public static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    public void Text(double x, double y, string text, string anchor = "start", int size = 12, string fill = "#222222", bool bold = false, int rotate = 0)
    {
        _svg.Append("<text x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" text-anchor=\"").Append(anchor)
            .Append("\" font-size=\"").Append(size).Append("\" fill=\"").Append(fill).Append('"');
        if (bold) _svg.Append(" font-weight=\"bold\"");
        if (rotate != 0) _svg.Append(" transform=\"rotate(").Append(rotate).Append(' ').Append(Num(x)).Append(' ').Append(Num(y)).Append(")\"");
        _svg.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>A rectangle; <paramref name="tooltip"/> becomes a &lt;title&gt; child, which viewers show on hover without script.</summary>
    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null, double opacity = 1)
    {
        _svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(Math.Max(width, 0)))
            .Append("\" height=\"").Append(Num(height)).Append("\" fill=\"").Append(fill).Append('"');
        if (opacity < 1) _svg.Append(" fill-opacity=\"").Append(Num(opacity)).Append('"');
        CloseWithTooltip("rect", tooltip);
    }

    /// <summary>An unfilled rectangle (a span's outline); the tooltip as for <see cref="Rect"/>.</summary>
    public void Outline(double x, double y, double width, double height, string stroke, string? tooltip = null)
    {
        _svg.Append("<rect x=\"").Append(Num(x)).Append("\" y=\"").Append(Num(y)).Append("\" width=\"").Append(Num(Math.Max(width, 0)))
            .Append("\" height=\"").Append(Num(height)).Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"0.8\"");
        CloseWithTooltip("rect", tooltip);
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _svg.Append("<line x1=\"").Append(Num(x1)).Append("\" y1=\"").Append(Num(y1)).Append("\" x2=\"").Append(Num(x2))
            .Append("\" y2=\"").Append(Num(y2)).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Num(width)).Append('"');
        if (dash is not null) _svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _svg.Append("/>\n");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.5, string? dash = null)
    {
        _svg.Append("<polyline fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Num(width)).Append('"');
        if (dash is not null) _svg.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _svg.Append(' ');
        AppendPoints(points);
        _svg.Append("/>\n");
    }

    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, string? tooltip = null)
    {
        _svg.Append("<polygon fill=\"").Append(fill).Append("\" ");
        AppendPoints(points);
        CloseWithTooltip("polygon", tooltip);
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        _svg.Append("<circle cx=\"").Append(Num(cx)).Append("\" cy=\"").Append(Num(cy)).Append("\" r=\"").Append(Num(r))
            .Append("\" fill=\"").Append(fill).Append('"');
        CloseWithTooltip("circle", tooltip);
    }

    /// <summary>An arrow with a head drawn as a polygon (no &lt;marker&gt;, which would need an id).</summary>
    public void Arrow(double x1, double y1, double x2, double y2, string stroke, string? tooltip = null)
    {
        Line(x1, y1, x2, y2, stroke, 1.2);
        var angle = Math.Atan2(y2 - y1, x2 - x1);
        const double head = 7, spread = 0.45;
        Polygon(new[]
        {
            (x2, y2),
            (x2 - head * Math.Cos(angle - spread), y2 - head * Math.Sin(angle - spread)),
            (x2 - head * Math.Cos(angle + spread), y2 - head * Math.Sin(angle + spread)),
        }, stroke, tooltip);
    }

    public override string ToString() => _svg + "</svg>\n";

    private void AppendPoints(IEnumerable<(double X, double Y)> points)
    {
        _svg.Append("points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            if (!first) _svg.Append(' ');
            _svg.Append(Num(x)).Append(',').Append(Num(y));
            first = false;
        }
        _svg.Append('"');
    }

    private void CloseWithTooltip(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _svg.Append("/>\n");
            return;
        }
        _svg.Append("><title>").Append(Escape(tooltip)).Append("</title></").Append(element).Append(">\n");
    }
}
