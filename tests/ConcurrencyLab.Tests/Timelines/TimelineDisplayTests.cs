using System.Text.Json;
using System.Xml.Linq;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Tests.Charts;
using ConcurrencyLab.Timelines;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Tests.Timelines;

public class TimelineDisplayTests
{
    [Fact]
    public void Gantt_has_a_row_per_thread_coloured_states_markers_and_flows()
    {
        var chart = TimelineFiguresTests.TwoThreads().ToGanttChart();

        Assert.Equal(new[] { "T1 main (dedicated, fg)", "T7 (pool, bg)" }, chart.Lanes.Select(l => l.Label));
        // Running where no recorded wait or sleep is; the waits in their own colours; each span as a labelled outline.
        Assert.Equal(new[] { SegmentState.Running, SegmentState.Running, SegmentState.Blocked }, chart.Lanes[0].Segments.Select(s => s.State));
        Assert.Equal(new[] { (0.0, 2.0), (4.0, 10.0), (2.0, 4.0) }, chart.Lanes[0].Segments.Select(s => (s.Start, s.End)));
        Assert.Equal(new[] { SegmentState.Running, SegmentState.Running, SegmentState.Sleeping }, chart.Lanes[1].Segments.Select(s => s.State));
        Assert.Equal("download", Assert.Single(chart.Lanes[0].Spans).Label);
        Assert.Equal(new GanttMarker(0, 9, "cancel requested"), Assert.Single(chart.Markers));
        Assert.Equal(new GanttFlow(1, 4, 0, 4, "released lock gate"), Assert.Single(chart.Flows));
        Assert.Contains("average parallelism", chart.ToPlainText());
    }

    [Fact]
    public void A_recorded_timeline_has_thread_pool_counter_lanes()
    {
        var timeline = Timeline.Record(tl => { using (tl.Span("work")) { } }, new TimelineOptions { CaptureRuntimeEvents = false });
        var chart = timeline.ToGanttChart();

        Assert.True(timeline.ThreadPoolSamples.Count >= 2); // one at start, one at stop
        Assert.Equal(new[] { "pool threads", "queued work items" }, chart.Counters.Select(c => c.Name));
        Assert.All(timeline.ThreadPoolSamples, s => Assert.True(s.ThreadCount >= 0 && s.PendingWorkItems >= 0));
    }

    [Fact]
    public void Timeline_formats_through_the_formatting_package_in_every_mime_type()
    {
        var timeline = TimelineFiguresTests.TwoThreads();

        Assert.Equal(ChartMimeTypes.Preferred, Formatter.GetPreferredMimeTypesFor(typeof(Timeline)));
        var plotly = JsonDocument.Parse(Formatter.ToDisplayString(timeline, ChartMimeTypes.Plotly)).RootElement;
        Assert.StartsWith("Thread timeline<br>", plotly.GetProperty("layout").GetProperty("title").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, plotly.GetProperty("layout").GetProperty("yaxis").GetProperty("categoryarray").GetArrayLength());
        var html = XElement.Parse(Formatter.ToDisplayString(timeline, ChartMimeTypes.Html));
        Assert.Equal("div", html.Name.LocalName);
        XDocument.Parse(Formatter.ToDisplayString(timeline, ChartMimeTypes.Svg));
        Assert.Equal(timeline.ToPlainText(), Formatter.ToDisplayString(timeline, ChartMimeTypes.PlainText));
    }

    [Fact]
    public void Script_span_label_renders_as_text_in_svg_and_html()
    {
        var timeline = Timeline.Record(tl => { using (tl.Span(SampleCharts.Hostile)) { } }, Handshake.Quiet);

        var html = ChartMimeBundle.Render(timeline, ChartMimeTypes.Html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        var titles = XElement.Parse(html).Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value);
        Assert.Contains(titles, t => t.StartsWith(SampleCharts.Hostile, StringComparison.Ordinal));
    }

    [Fact]
    public void Very_busy_timelines_are_coalesced_for_display_but_not_in_the_figures()
    {
        var segments = Enumerable.Range(0, 10_000).Select(i => new TimelineSegment(1, i, i + 0.9, SegmentState.Running, "tick"));
        var timeline = Timeline.Create(new[] { new TimelineThread(1, "main", false, false) }, segments);

        var lane = Assert.Single(timeline.ToGanttChart().Lanes);
        Assert.True(lane.Segments.Count < 2000);
        Assert.Contains("spans merged for display", lane.Segments[0].Label);
        Assert.Equal(9000, timeline.TotalBusyTime.TotalMilliseconds, 3);
    }

    [Fact]
    public void Displaying_a_timeline_that_is_still_recording_shows_a_hint_instead_of_failing()
    {
        var timeline = Timeline.Start(Handshake.Quiet);
        try
        {
            Assert.Contains("call Stop()", Formatter.ToDisplayString(timeline, ChartMimeTypes.Svg));
            // The interactive figure of an empty chart is a valid figure too, not an exception in the formatter.
            using var figure = JsonDocument.Parse(Formatter.ToDisplayString(timeline, ChartMimeTypes.Plotly));
            Assert.True(figure.RootElement.GetProperty("layout").GetProperty("height").GetDouble() > 0);
            Assert.Contains("recording", Formatter.ToDisplayString(timeline, ChartMimeTypes.PlainText));
        }
        finally
        {
            timeline.Stop();
        }
    }
}
