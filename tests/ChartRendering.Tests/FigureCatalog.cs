using ConcurrencyLab.Charts;
using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Timelines;

namespace ChartRendering.Tests;

/// <summary>
/// The representative figures: timelines short and long (with markers, arrows, async rows and counter lanes), counter
/// lanes alone, a bar chart with its table, XY charts with their tables, and whole-number axes. All deterministic.
/// </summary>
internal static class FigureCatalog
{
    public static IReadOnlyList<Figure> All { get; } = Build().Concat(FromNotebooks()).ToList();

    /// <summary>
    /// CHART_RENDERING_NOTEBOOKS=folder adds every Plotly output of the .ipynb files there (e.g. notebooks/ after a
    /// refresh), so committed outputs can be checked the same way. Off by default: notebooks change with their runs.
    /// </summary>
    private static IEnumerable<Figure> FromNotebooks()
    {
        if (Environment.GetEnvironmentVariable("CHART_RENDERING_NOTEBOOKS") is not { Length: > 0 } folder) yield break;
        foreach (var path in Directory.GetFiles(folder, "*.ipynb").Order())
        {
            using var notebook = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var n = 0;
            foreach (var cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (!cell.TryGetProperty("outputs", out var outputs)) continue;
                foreach (var output in outputs.EnumerateArray())
                {
                    if (!output.TryGetProperty("data", out var data) || !data.TryGetProperty(ChartMimeTypes.Plotly, out var figure)) continue;
                    var json = figure.ValueKind == System.Text.Json.JsonValueKind.String ? figure.GetString()! : figure.GetRawText();
                    var rows = json.Contains("\"categoryarray\"", StringComparison.Ordinal);
                    yield return new Figure($"{Path.GetFileNameWithoutExtension(path)} #{++n}", json) { HasRows = rows };
                }
            }
        }
    }

    private static IReadOnlyList<Figure> Build() => new[]
    {
        new Figure("timeline, 2 rows", Plotly(ShortTimeline())) { HasRows = true },
        new Figure("timeline still recording (empty)", Plotly(new GanttChart { Title = "Thread timeline (recording: call Stop() to see it)" })),
        new Figure("timeline, 40 rows with counter lanes", Plotly(StarvedPool())) { HasRows = true, IntegerAxes = new[] { "y2tick", "y3tick" } },
        new Figure("timeline, async rows and long labels", Plotly(AsyncRows())) { HasRows = true },
        new Figure("timeline, narrow container", Plotly(AsyncRows()), Width: 520) { HasRows = true },
        new Figure("counter lanes only", Plotly(CounterLanesOnly())) { IntegerAxes = new[] { "ytick", "y2tick" } },
        new Figure("bar chart with its table", Plotly(Comparison())),
        new Figure("scaling with its table", Plotly(Scaling())) { IntegerAxes = new[] { "xtick" } },
        new Figure("timing with its table", Plotly(Timing())) { IntegerAxes = new[] { "xtick" } },
        new Figure("xy chart on whole numbers", Plotly(WholeNumbers())) { IntegerAxes = new[] { "xtick", "ytick" } },
    };

    private static string Plotly(IChartDisplayable value) => ChartMimeBundle.Render(value, ChartMimeTypes.Plotly);

    private static Timeline ShortTimeline() => Timeline.Create(
        new[] { new TimelineThread(1, "main", false, false), new TimelineThread(7, ".NET TP Worker", true, true) },
        new[]
        {
            new TimelineSegment(1, 0, 10, SegmentState.Running, "take the lock") { OnCpu = 6 },
            new TimelineSegment(1, 2, 4, SegmentState.Blocked, "lock gate") { Cause = BlockCause.Lock },
            new TimelineSegment(7, 5, 15, SegmentState.Running, "parse") { OnCpu = 9, WaitingForCpu = 1 },
        },
        new[] { new TimelineMark(1, 9, "cancel requested") },
        new[] { new TimelineFlow(7, 4, 1, 4, "released lock gate") });

    /// <summary>Notebook 06's picture: 40 pool threads blocked in a call the recorder does not wrap, the pool growing.</summary>
    private static IChartDisplayable StarvedPool()
    {
        var threads = new List<TimelineThread> { new(1, null, false, false) };
        threads.AddRange(Enumerable.Range(10, 40).Select(id => new TimelineThread(id, ".NET TP Worker", true, true)));
        var segments = new List<TimelineSegment> { new(1, 0, 3600, SegmentState.Blocked, "watching") { Cause = BlockCause.Other } };
        segments.AddRange(Enumerable.Range(10, 40).Select(id => new TimelineSegment(id, (id - 10) * 80, 3600, SegmentState.Running, $"item {id - 10}") { OnCpu = 0.4 }));
        var marks = new[] { new TimelineMark(1, 3500, "cancel the calls") };
        var timeline = Timeline.Create(threads, segments, marks);
        timeline.Title = "40 blocking work items, default pool settings";
        var chart = timeline.ToGanttChart();
        chart.Counters.Add(new CounterLane("pool threads") { Points = Enumerable.Range(0, 37).Select(i => new CounterPoint(i * 100, 2 + i)).ToList() });
        chart.Counters.Add(new CounterLane("queued work items") { Points = Enumerable.Range(0, 37).Select(i => new CounterPoint(i * 100, Math.Max(0, 38 - i))).ToList() });
        return new ChartOnly(chart);
    }

    private static GanttChart AsyncRows()
    {
        var chart = new GanttChart { Title = "Four downloads: awaits hop threads", Subtitle = "CPU time per span from the thread's CPU clock" };
        chart.Lanes.Add(new GanttLane("T1 main (dedicated, fg)") { Segments = { new(0, 2, SegmentState.Running, "start") }, Spans = { new(0, 2, "start") } });
        chart.Lanes.Add(new GanttLane("T12 .NET TP Worker (pool, bg)") { Segments = { new(40, 41, SegmentState.Running, "resume"), new(41, 44, SegmentState.Runnable, "resume") } });
        chart.Lanes.Add(new GanttLane("T15 .NET Long Running Task (dedicated, bg)") { Segments = { new(50, 52, SegmentState.OffCpu, "log") } });
        chart.Lanes.Add(new GanttLane("GET /pages/… (4 ops)") { Segments = Enumerable.Range(0, 4).Select(i => new GanttSegment(2 + i * 10, 10 + i * 10, SegmentState.Async, $"GET /pages/{i}")).ToList() });
        chart.Markers.Add(new GanttMarker(0, 1, "all four started"));
        chart.Flows.Add(new GanttFlow(0, 2, 3, 2, "started GET /pages/0"));
        chart.Flows.Add(new GanttFlow(3, 40, 1, 40, "continued GET /pages/3"));
        chart.Counters.Add(new CounterLane("requests in flight") { Points = { new(0, 0), new(2, 4), new(40, 0) } });
        return chart;
    }

    private static GanttChart CounterLanesOnly()
    {
        var chart = new GanttChart { Title = "Thread pool, locks and GC heap over time" };
        chart.Counters.Add(new CounterLane("thread-pool threads") { Points = { new(0, 2), new(10, 3), new(20, 3) } });
        chart.Counters.Add(new CounterLane("queue length (pending work items)") { Points = { new(0, 0), new(10, 0), new(20, 0) } });
        chart.Counters.Add(new CounterLane("GC heap (MB)") { Points = { new(0, 1.2), new(10, 3.4), new(20, 2.5) } });
        return chart;
    }

    private static Comparison Comparison()
    {
        var clock = new FakeClock();
        return Measure.Compare(clock.Options(),
            ("lock (Monitor)", () => clock.Advance(20_000)),
            ("Interlocked.Increment", () => clock.Advance(5_000)),
            ("SpinLock with a long descriptive name", () => clock.Advance(19_000)));
    }

    private static ScalingResult Scaling()
    {
        var clock = new FakeClock();
        return Measure.Scaling(dop => clock.Advance(1e6 / Math.Min(dop, 2)), new[] { 1, 2, 4 }, clock.Options());
    }

    private static TimingResult Timing()
    {
        var clock = new FakeClock();
        long call = 0;
        return Measure.Time(() => clock.Advance(call++ % 3 == 0 ? 20_000 : 21_000), clock.Options());
    }

    private static XYChart WholeNumbers()
    {
        var chart = new XYChart { Title = "Threads started per second", XAxisTitle = "second", YAxisTitle = "threads" };
        chart.Series.Add(new XYSeries("started", new[] { 1.0, 2, 3 }, new[] { 2.0, 3, 3 }));
        chart.VerticalRules.Add(new VerticalRule(2, "2 processors"));
        return chart;
    }

    /// <summary>A chart shown as it is (a timeline's Gantt with counter lanes added, as a notebook might).</summary>
    private sealed class ChartOnly(Chart chart) : IChartDisplayable
    {
        public Chart ToChart() => chart;
        public string ToPlainText() => chart.ToPlainText();
    }

    private static string Plotly(GanttChart chart) => Plotly(new ChartOnly(chart));
}
