using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Tests.Charts;

/// <summary>Fixed charts shared by the rendering tests, so expectations do not depend on timing.</summary>
internal static class SampleCharts
{
    public const string Hostile = "<script>alert(1)</script>";

    public static GanttChart Gantt(string runningLabel = "work 1")
    {
        var chart = new GanttChart { Title = "Two threads & a lock" };
        chart.Lanes.Add(new GanttLane("T1 main fg") { Segments = { new(0, 4, SegmentState.Running, runningLabel), new(4, 6, SegmentState.Sleeping, "Sleep(2)") } });
        chart.Lanes.Add(new GanttLane("T7 pool bg") { Segments = { new(0.5, 2.25, SegmentState.Blocked, "lock gate"), new(2.25, 5.5, SegmentState.Running, "hold gate") } });
        chart.Lanes.Add(new GanttLane("fetch (async)") { Segments = { new(1, 3, SegmentState.Async, "fetch") } });
        chart.Markers.Add(new GanttMarker(0, 3, "cancel requested"));
        chart.Flows.Add(new GanttFlow(0, 2.25, 1, 2.25, "released lock"));
        chart.Counters.Add(new CounterLane("pool threads") { Points = { new(0, 2), new(2, 3), new(6, 3) } });
        chart.Counters.Add(new CounterLane("queue length") { Points = { new(0, 0), new(2, 5), new(6, 1) } });
        return chart;
    }

    public static BarChart Bars()
    {
        var chart = new BarChart { Title = "ops per µs", XAxisTitle = "primitive", YAxisTitle = "ops/µs", Categories = { "lock", "Interlocked" } };
        chart.Series.Add(new BarSeries("1 thread", new[] { 10.0, 40 }) { Errors = new[] { 1.0, 2 } });
        chart.Series.Add(new BarSeries("2 threads", new[] { 6.0, 25 }));
        return chart;
    }

    public static XYChart Lines()
    {
        var chart = new XYChart { Title = "speedup", XAxisTitle = "threads", YAxisTitle = "×" };
        chart.Series.Add(new XYSeries("Parallel.For", new[] { 1.0, 2, 4 }, new[] { 1.0, 1.9, 3.5 }) { ErrorY = new[] { 0.01, 0.05, 0.2 } });
        chart.Series.Add(new XYSeries("ideal", new[] { 1.0, 4 }, new[] { 1.0, 4 }) { Mode = XYSeriesMode.Lines, Dashed = true });
        chart.VerticalRules.Add(new VerticalRule(2, "cores"));
        return chart;
    }

    public static IEnumerable<Chart> All() => new Chart[] { Gantt(), Bars(), Lines() };
}
