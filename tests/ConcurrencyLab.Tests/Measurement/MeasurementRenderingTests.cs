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
        var html = Formatter.ToDisplayString(value, ChartMimeTypes.Html);

        Assert.DoesNotContain("<lock>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;lock&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<lock>", html, StringComparison.Ordinal);
        Assert.Contains("<td align=\"left\">Interlocked &amp; co</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Html_carries_the_chart_then_the_table(string kind)
    {
        var html = XDocument.Parse(Formatter.ToDisplayString(Make(kind), ChartMimeTypes.Html)).Root!;

        Assert.Equal("div", html.Name.LocalName);
        var children = html.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal("svg", children[0]);
        Assert.Equal("table", children[1]);
        Assert.DoesNotContain(html.DescendantsAndSelf(), e => e.Attribute("class") is not null || e.Attribute("style") is not null);
    }

    [Fact]
    public void A_timing_shows_the_timeit_line_and_flags_debug_code_in_html()
    {
        var clock = new FakeClock();
        var timing = Measure.Time(() => clock.Advance(20_000), clock.Options());
        var html = Formatter.ToDisplayString(timing, ChartMimeTypes.Html);

        Assert.Contains("<p>20.0 µs ± 0 ns per loop (mean ± std. dev. of 7 runs, 10,000 loops each)</p>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(timing.IsOptimized == false, html.Contains("compiled without optimisations", StringComparison.Ordinal));
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
    public void Plotly_figure_carries_the_table_and_the_warnings()
    {
        var clock = new FakeClock();
        long call = 0;
        // Repeats of 100 ns and 700 ns: over 4× apart, so a warning must reach the figure.
        var timing = Measure.Time(() => { long i = call++; clock.Advance(i == 0 ? 1 : (i - 1) / 10 % 2 == 0 ? 100 : 700); },
            clock.Options() with { Loops = 10, WarmUp = TimeSpan.Zero });
        var figure = JsonDocument.Parse(Formatter.ToDisplayString(timing, ChartMimeTypes.Plotly)).RootElement;

        var table = figure.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "table");
        var headers = table.GetProperty("header").GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("Allocated", headers);
        Assert.Contains("Loops × Repeats", headers);
        Assert.Equal(headers.Count, table.GetProperty("cells").GetProperty("values").GetArrayLength());
        string annotation = figure.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString()!;
        Assert.Contains("warning: The slowest run took", annotation, StringComparison.Ordinal);
        Assert.Equal(timing.IsOptimized == false, annotation.Contains("compiled without optimisations", StringComparison.Ordinal));
    }

    [Fact]
    public void Counter_lanes_keep_their_own_figure()
    {
        var figure = JsonDocument.Parse(Formatter.ToDisplayString(Make("sampling"), ChartMimeTypes.Plotly)).RootElement;

        Assert.DoesNotContain(figure.GetProperty("data").EnumerateArray(), t => t.GetProperty("type").GetString() == "table");
        Assert.Equal(5, figure.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public void Scaling_chart_has_the_ideal_line_the_fit_and_the_processor_count()
    {
        var plotly = JsonDocument.Parse(Formatter.ToDisplayString(Make("scaling"), ChartMimeTypes.Plotly)).RootElement;
        var names = plotly.GetProperty("data").EnumerateArray()
            .Select(t => t.TryGetProperty("name", out var name) ? name.GetString() : t.GetProperty("type").GetString()).ToList();

        Assert.Contains("measured", names);
        Assert.Contains("ideal", names);
        Assert.Contains(names, n => n!.StartsWith("Amdahl", StringComparison.Ordinal));
        Assert.Contains($"{Environment.ProcessorCount} processors", plotly.GetProperty("layout").ToString(), StringComparison.Ordinal);
    }
}
