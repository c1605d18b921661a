using System.Text.Json;
using System.Xml.Linq;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Tests.Charts;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Tests.Rendering;

/// <summary>Formats through the real .NET Interactive Formatting package, as a notebook kernel would.</summary>
public class FormatterSourceDiscoveryTests
{
    public static TheoryData<string> ChartKinds() => new() { "gantt", "bar", "xy" };

    private static Chart Make(string kind) => kind switch
    {
        "gantt" => SampleCharts.Gantt(SampleCharts.Hostile),
        "bar" => SampleCharts.Bars(),
        _ => SampleCharts.Lines(),
    };

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Preferred_mime_types_come_from_the_convention_attribute_in_order(string kind)
    {
        var mimeTypes = Formatter.GetPreferredMimeTypesFor(Make(kind).GetType());
        Assert.Equal(ChartMimeTypes.Preferred, mimeTypes);
    }

    [Theory]
    [MemberData(nameof(ChartKinds))]
    public void Each_mime_type_formats_through_the_chart_formatter_source(string kind)
    {
        var chart = Make(kind);

        var plotly = Formatter.ToDisplayString(chart, ChartMimeTypes.Plotly);
        Assert.True(JsonDocument.Parse(plotly).RootElement.TryGetProperty("data", out _));

        var html = Formatter.ToDisplayString(chart, ChartMimeTypes.Html);
        var div = XElement.Parse(html);
        Assert.Equal("div", div.Name.LocalName);
        Assert.Equal("svg", div.Elements().Single().Name.LocalName);
        Assert.DoesNotContain("<script", html);

        var svg = Formatter.ToDisplayString(chart, ChartMimeTypes.Svg);
        Assert.Equal(chart.ToSvg(), svg);

        Assert.Equal(chart.ToPlainText(), Formatter.ToDisplayString(chart, ChartMimeTypes.PlainText));
    }

    [Fact]
    public void Script_label_stays_text_in_html()
    {
        var html = Formatter.ToDisplayString(SampleCharts.Gantt(SampleCharts.Hostile), ChartMimeTypes.Html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Bundle_rejects_unknown_mime_types_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => ChartMimeBundle.Render(SampleCharts.Bars(), "image/png"));
        Assert.Contains("image/png", error.Message);
    }
}
