using System.Globalization;
using System.Xml.Linq;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Charts;

/// <summary>Labels of nested spans never print over each other; every row of the chart reads differently.</summary>
public class SpanLabelLayoutTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Chapter 02's transfer: a lock hold inside a lock hold inside a span, all starting together.</summary>
    private static List<GanttSpan> Nested() => new()
    {
        new GanttSpan(0, 100, "transfer"),
        new GanttSpan(0, 90, "holds A"),
        new GanttSpan(0, 80, "holds B"),
        new GanttSpan(0, 60, "moves 100"),
        new GanttSpan(70, 72, "a short one with a long label"),
    };

    [Fact]
    public void Nested_spans_starting_together_get_labels_one_after_another_never_on_top_of_each_other()
    {
        var time = new AxisScale(0, 100, 150, 776);

        var placed = SpanLabelLayout.Place(Nested(), time, 5.4);

        Assert.Equal(new[] { "transfer", "› holds A", "› holds B", "› moves 100" }, placed.Select(p => p.Text));
        for (var i = 1; i < placed.Count; i++)
            Assert.True(placed[i].X >= placed[i - 1].X + placed[i - 1].Text.Length * 5.4, $"'{placed[i].Text}' overlaps '{placed[i - 1].Text}'");
        // Each label lies inside its own span; the label too long for its 2 ms span is left to the hover.
        Assert.All(placed, p => Assert.InRange(p.X + p.Text.Length * 5.4, time.ToPixel(p.Span.Start), time.ToPixel(p.Span.End)));
        Assert.DoesNotContain(placed, p => p.Span.Label.StartsWith("a short", StringComparison.Ordinal));
    }

    [Fact]
    public void Where_text_can_only_start_at_its_bar_nested_labels_are_joined_into_the_outer_ones()
    {
        var texts = SpanLabelLayout.Joined(Nested(), new AxisScale(0, 100, 150, 776), 6.2);

        Assert.Equal("transfer › holds A › holds B › moves 100", texts.Single(t => t.Key.Label == "transfer").Value);
        Assert.All(texts.Where(t => t.Key.Label is "holds A" or "holds B" or "moves 100"), t => Assert.Equal("", t.Value));
    }

    [Fact]
    public void The_static_chart_of_nested_spans_draws_no_two_labels_in_the_same_place()
    {
        var chart = new GanttChart { Title = "nested" };
        var lane = new GanttLane("T1 main") { Segments = { new(0, 100, SegmentState.Running, "transfer") } };
        lane.Spans.AddRange(Nested());
        chart.Lanes.Add(lane);

        var labels = XDocument.Parse(chart.ToSvg()).Descendants(Svg + "text")
            .Where(t => t.Value is "transfer" || t.Value.StartsWith("› ", StringComparison.Ordinal))
            .Select(t => (X: double.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture), t.Value)).OrderBy(t => t.X).ToList();

        Assert.Equal(4, labels.Count);
        for (var i = 1; i < labels.Count; i++)
            Assert.True(labels[i].X >= labels[i - 1].X + labels[i - 1].Value.Length * 5.4);
    }

    [Fact]
    public void Async_rows_that_run_alike_read_differently()
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "GET /page 1", "GET /page 2" },
            new[] { "GET /page 3", "GET /page 4" },
            new[] { "fetch" },
            new[] { "fetch" },
        };

        var labels = TimelineChartBuilder.AsyncRowLabels(rows, new HashSet<string>());

        Assert.Equal(new[] { "GET /page… (2 ops) #1", "GET /page… (2 ops) #2", "fetch #3", "fetch #4" }, labels);
    }

    [Fact]
    public void One_async_row_keeps_its_plain_name_unless_a_thread_row_has_it()
    {
        Assert.Equal(new[] { "fetch" }, TimelineChartBuilder.AsyncRowLabels(new List<IReadOnlyList<string>> { new[] { "fetch" } }, new HashSet<string>()));
        var taken = TimelineChartBuilder.AsyncRowLabels(new List<IReadOnlyList<string>> { new[] { "fetch" } }, new HashSet<string> { "fetch" });
        Assert.NotEqual("fetch", Assert.Single(taken));
        Assert.StartsWith("fetch", taken[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_timelines_async_rows_all_have_distinct_labels()
    {
        var timeline = Timeline.Record(tl =>
        {
            // Overlapping operations of the same name need rows of their own.
            var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource()).ToList();
            var tracked = gates.Select(g => tl.Track(g.Task, "download")).ToList();
            gates.ForEach(g => g.SetResult());
            foreach (var t in tracked) t.GetAwaiter().GetResult();
        }, Timelines.Handshake.Quiet);

        var labels = timeline.ToGanttChart().Lanes.Select(l => l.Label).ToList();

        Assert.Equal(3, labels.Count(l => l.StartsWith("download", StringComparison.Ordinal)));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }
}
