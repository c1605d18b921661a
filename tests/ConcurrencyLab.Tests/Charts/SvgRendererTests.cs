using System.Xml.Linq;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Tests.Charts;

public class SvgRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_chart_is_well_formed_svg_without_script_class_id_or_style()
    {
        foreach (var chart in SampleCharts.All())
        {
            var document = XDocument.Parse(chart.ToSvg());
            Assert.Equal(Svg + "svg", document.Root!.Name);
            var elements = document.Descendants().ToList();
            Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "style" or "foreignObject");
            Assert.DoesNotContain(elements.SelectMany(e => e.Attributes()), a => a.Name.LocalName is "class" or "id" or "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_axis_of_whole_numbers_gets_whole_number_ticks()
    {
        var chart = new XYChart { Title = "repeats", XAxisTitle = "repeat", YAxisTitle = "µs" };
        chart.Series.Add(new XYSeries("time", new[] { 1.0, 2, 3, 4, 5, 6 }, new[] { 1.9, 1.9, 2.0, 1.9, 1.9, 1.9 }));

        var labels = XDocument.Parse(chart.ToSvg()).Descendants(Svg + "text")
            .Where(t => t.Attribute("font-size")?.Value == "10" && t.Attribute("text-anchor")?.Value == "middle")
            .Select(t => t.Value).ToList();

        Assert.Contains("3", labels);
        Assert.DoesNotContain(labels, l => l.Contains('.'));
    }

    [Fact]
    public void Gantt_draws_one_bar_per_segment_with_state_colours_and_lane_labels()
    {
        var document = XDocument.Parse(SampleCharts.Gantt().ToSvg());
        var bars = document.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();

        Assert.Equal(5, bars.Count);
        Assert.Contains(bars, b => b.Attribute("fill")!.Value == ChartPalette.For(SegmentState.Blocked) && b.Element(Svg + "title")!.Value.StartsWith("lock gate", StringComparison.Ordinal));
        var texts = document.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("T1 main fg", texts);
        Assert.Contains("pool threads", texts);
        Assert.Contains("Arrow (see key)", texts);
        Assert.Contains(texts, t => t.StartsWith("Arrows: 1 released by", StringComparison.Ordinal));
    }

    [Fact]
    public void Script_label_is_rendered_as_text_not_markup()
    {
        var svg = SampleCharts.Gantt(SampleCharts.Hostile).ToSvg();

        Assert.DoesNotContain("<script", svg);
        var titles = XDocument.Parse(svg).Descendants(Svg + "title").Select(t => t.Value);
        Assert.Contains(titles, t => t.StartsWith(SampleCharts.Hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void Output_matches_the_committed_golden_file()
    {
        var actual = SampleCharts.Gantt().ToSvg();
        // After an intended drawing change: run once with UPDATE_GOLDEN=1, look at the file, commit it.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(SourcePath("golden-gantt.svg"), actual);
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Charts", "golden-gantt.svg"));
        Assert.Equal(golden.ReplaceLineEndings("\n"), actual);
    }

    private static string SourcePath(string name, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, name);

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        var before = SampleCharts.Lines().ToSvg();
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A culture with a decimal comma (built by hand: the build runs in invariant-globalization mode).
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            Thread.CurrentThread.CurrentCulture = comma;
            Assert.Equal(before, SampleCharts.Lines().ToSvg());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("lock", 100, new[] { "lock" })]
    [InlineData("BlockingCollection bounded", 120, new[] { "BlockingCollection", "bounded" })]
    [InlineData("BlockingCollection bounded", 100, new[] { "BlockingCollect…", "bounded" })]
    [InlineData("Channel unbounded single reader", 120, new[] { "Channel unbounded", "single reader" })]
    [InlineData("ConcurrentQueueWithoutSpaces", 60, new[] { "Concurre…" })]
    public void Long_bar_categories_wrap_at_a_space_then_shorten(string label, double slot, string[] expected)
    {
        Assert.Equal(expected, BarSvgWriter.CategoryLines(label, slot));
    }
}
