using System.Xml.Linq;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Charts;

/// <summary>The static SVG says everything without hovering: what each row is, what markers and arrows mean, counter scales.</summary>
public class StaticGanttTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<string> Texts(GanttChart chart) => XDocument.Parse(chart.ToSvg()).Descendants(Svg + "text").Select(t => t.Value).ToList();

    [Fact]
    public void Async_rows_are_named_after_what_they_run()
    {
        Assert.Equal("fetch", TimelineChartBuilder.RowLabel(new[] { "fetch" }));
        Assert.Equal("poll ×3", TimelineChartBuilder.RowLabel(new[] { "poll", "poll", "poll" }));
        Assert.Equal("GET /page… (4 ops)", TimelineChartBuilder.RowLabel(new[] { "GET /page 1", "GET /page 2", "GET /page 3", "GET /page 12" }));
        Assert.Equal("download, parse +1", TimelineChartBuilder.RowLabel(new[] { "download", "parse", "save" }));
    }

    [Fact]
    public void A_marker_shows_its_text_beside_it_or_a_number_explained_in_the_key()
    {
        var chart = new GanttChart { Title = "markers" };
        chart.Lanes.Add(new GanttLane("T1 main") { Segments = { new(0, 100, SegmentState.Running, "work") } });
        chart.Markers.Add(new GanttMarker(0, 10, "first, with room"));
        chart.Markers.Add(new GanttMarker(0, 90, "crowded one"));
        chart.Markers.Add(new GanttMarker(0, 91, "crowded two"));

        var texts = Texts(chart);

        Assert.Contains("first, with room", texts);
        Assert.Contains(texts, t => t.StartsWith("1  crowded one (T1 main, 90 ms)", StringComparison.Ordinal));
        Assert.Contains("1", texts); // the number beside the crowded marker
    }

    [Fact]
    public void Arrows_are_labelled_once_per_kind_and_counted_in_the_key()
    {
        var chart = new GanttChart { Title = "arrows" };
        chart.Lanes.Add(new GanttLane("T1") { Segments = { new(0, 50, SegmentState.Running, "a") } });
        chart.Lanes.Add(new GanttLane("T2") { Segments = { new(0, 50, SegmentState.Blocked, "b") } });
        for (var i = 0; i < 5; i++)
            chart.Flows.Add(new GanttFlow(0, i * 10, 1, i * 10 + 1, "released lock gate"));

        var texts = Texts(chart);

        Assert.Single(texts, t => t == "released");
        Assert.Contains("Arrows: 5 released by (from the thread that let a waiter go)", texts);
    }

    [Fact]
    public void Counter_lanes_have_a_scale_and_a_flat_line_gets_no_max_label()
    {
        var chart = new GanttChart { Title = "counters" };
        chart.Counters.Add(new CounterLane("queue length") { Points = { new(0, 0), new(10, 0) } });
        chart.Counters.Add(new CounterLane("threads") { Points = { new(0, 2), new(10, 7) } });

        var texts = Texts(chart);

        Assert.DoesNotContain(texts, t => t.StartsWith("max", StringComparison.Ordinal));
        Assert.Contains("0", texts);
        Assert.Contains("queue length", texts);
        Assert.True(texts.Count(t => int.TryParse(t, out _)) >= 4, "each lane needs at least two scale values");
    }

    [Fact]
    public void Spans_are_outlined_with_their_label_inside_when_it_fits()
    {
        var timeline = Timeline.Create(new[] { new TimelineThread(1, "main", false, false) },
            new[] { new TimelineSegment(1, 0, 100, SegmentState.Running, "download everything") { OnCpu = 30 } });

        var document = XDocument.Parse(timeline.ToSvg());

        var outline = Assert.Single(document.Descendants(Svg + "rect"), r => r.Attribute("fill")?.Value == "none" && r.Element(Svg + "title") is not null);
        Assert.Contains("on CPU 30 of 100 ms (30%)", outline.Element(Svg + "title")!.Value);
        Assert.Contains("download everything", document.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void A_long_row_label_keeps_its_thread_id_and_kind()
    {
        var label = GanttSvgWriter.FitLabel("T12 a very long thread name that will not fit (pool, bg)", 150);

        Assert.StartsWith("T12 ", label, StringComparison.Ordinal);
        Assert.EndsWith("(pool, bg)", label, StringComparison.Ordinal);
        Assert.Contains("…", label);
    }
}
