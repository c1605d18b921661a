using System.Text.Json.Nodes;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Interactive.Plotting;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Timelines;
using Plotly.NET;

namespace ConcurrencyLab.Interactive.Tests;

public sealed class PlotlyNetTests
{
    private static Timeline TwoThreads() => Timeline.Create(
        new[] { new TimelineThread(1, "main", false, false), new TimelineThread(2, "worker", false, false) },
        new[] { new TimelineSegment(1, 0, 10, SegmentState.Running, "spawn"), new TimelineSegment(2, 2, 30, SegmentState.Running, "work") });

    [Fact]
    public void A_timeline_becomes_a_Plotly_NET_chart_with_the_librarys_traces_and_layout()
    {
        var timeline = TwoThreads();
        timeline.Title = "Two threads";

        var chart = timeline.ToPlotly();

        var ours = JsonNode.Parse(ChartMimeBundle.Render(timeline, ChartMimeTypes.Plotly))!;
        var theirs = JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        Assert.Equal(ours["data"]!.AsArray().Count, GenericChart.countTrace(chart));
        Assert.Equal(ours["data"]!.AsArray().Select(t => (string?)t!["type"]), theirs["data"]!.AsArray().Select(t => (string?)t!["type"]));
        Assert.Contains("Two threads", theirs["layout"]!.ToJsonString());
    }

    [Fact]
    public void The_Plotly_NET_chart_can_be_restyled_and_displays_as_figure_json()
    {
        var chart = TwoThreads().ToPlotly();
        GenericChart.getLayout(chart).SetProperty("paper_bgcolor", "#fdf6e3");

        Assert.Contains("\"paper_bgcolor\":\"#fdf6e3\"", GenericChart.toFigureJson(chart));
        var formatted = Microsoft.DotNet.Interactive.Formatting.FormattedValue.CreateManyFromObject(chart);
        Assert.Equal(new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.PlainText }, formatted.Select(f => f.MimeType));
    }
}
