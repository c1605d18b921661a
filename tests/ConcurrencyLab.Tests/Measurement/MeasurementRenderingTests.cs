using System.Text.Json;
using System.Xml.Linq;
using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Tests.Measurement;

/// <summary>Every result renders as the chart bundle through the Formatting package's convention discovery.</summary>
public sealed class MeasurementRenderingTests
{
    public static TheoryData<string> Kinds => new() { "timing", "comparison", "scaling", "sampling" };

    private static object Make(string kind)
    {
        var clock = new FakeClock();
        return kind switch
        {
            "timing" => Measure.Time(() => clock.Advance(20_000), clock.Options()),
            "comparison" => Measure.Compare(clock.Options(), ("<lock>", () => clock.Advance(20_000)), ("Interlocked & co", () => clock.Advance(5_000))),
            "scaling" => Measure.Scaling(dop => clock.Advance(1e6 / Math.Min(dop, 2)), 3, clock.Options()),
            "sampling" => Measure.Sample(() => Thread.Sleep(30), TimeSpan.FromMilliseconds(5)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Prefers_plotly_then_html_svg_and_text(string kind)
    {
        Assert.Equal(ChartMimeTypes.Preferred, Formatter.GetPreferredMimeTypesFor(Make(kind).GetType()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_mime_type_renders_and_parses(string kind)
    {
        var value = Make(kind);

        using var plotly = JsonDocument.Parse(Formatter.ToDisplayString(value, ChartMimeTypes.Plotly));
        Assert.Equal(JsonValueKind.Array, plotly.RootElement.GetProperty("data").ValueKind);
        Assert.True(plotly.RootElement.GetProperty("data").GetArrayLength() >= 1);
        Assert.Equal(JsonValueKind.Object, plotly.RootElement.GetProperty("layout").GetProperty("title").ValueKind);

        var svg = XDocument.Parse(Formatter.ToDisplayString(value, ChartMimeTypes.Svg));
        Assert.Equal("svg", svg.Root!.Name.LocalName);

        var html = Formatter.ToDisplayString(value, ChartMimeTypes.Html);
        Assert.StartsWith("<div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        XDocument.Parse(html);

        Assert.Equal(((IChartDisplayable)value).ToPlainText(), Formatter.ToDisplayString(value, ChartMimeTypes.PlainText));
    }

    [Fact]
    public void Names_are_escaped_in_svg_and_html()
    {
        var value = Make("comparison");
        var svg = Formatter.ToDisplayString(value, ChartMimeTypes.Svg);

        Assert.DoesNotContain("<lock>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;lock&gt;", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_chart_has_bars_with_error_bars_and_ratios()
    {
        var plotly = JsonDocument.Parse(Formatter.ToDisplayString(Make("comparison"), ChartMimeTypes.Plotly)).RootElement;
        var bars = plotly.GetProperty("data")[0];

        Assert.Equal("bar", bars.GetProperty("type").GetString());
        Assert.Equal(2, bars.GetProperty("error_y").GetProperty("array").GetArrayLength());
        Assert.Contains("×0.25", bars.GetProperty("x")[1].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_chart_has_the_ideal_line_the_fit_and_the_processor_count()
    {
        var plotly = JsonDocument.Parse(Formatter.ToDisplayString(Make("scaling"), ChartMimeTypes.Plotly)).RootElement;
        var names = plotly.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

        Assert.Contains("measured", names);
        Assert.Contains("ideal", names);
        Assert.Contains(names, n => n!.StartsWith("Amdahl", StringComparison.Ordinal));
        Assert.Contains($"{Environment.ProcessorCount} processors", plotly.GetProperty("layout").ToString(), StringComparison.Ordinal);
    }
}
