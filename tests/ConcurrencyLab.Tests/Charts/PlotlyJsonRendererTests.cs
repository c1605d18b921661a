using System.Text.Json;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Tests.Charts;

public class PlotlyJsonRendererTests
{
    private static JsonElement Parse(Chart chart) => JsonDocument.Parse(chart.ToPlotlyJson()).RootElement;

    [Fact]
    public void Gantt_has_one_horizontal_bar_trace_per_state_with_base_and_duration()
    {
        var root = Parse(SampleCharts.Gantt());
        var bars = root.GetProperty("data").EnumerateArray().Where(t => t.GetProperty("type").GetString() == "bar").ToList();

        // The sample chart has no CPU time, so its legend says "Running", not "on CPU".
        Assert.Equal(new[] { "Running", "Blocked", "Sleeping", "Async (no thread)" }, bars.Select(b => b.GetProperty("name").GetString()));
        Assert.All(bars, b => Assert.Equal("h", b.GetProperty("orientation").GetString()));
        var running = bars[0];
        Assert.Equal(new[] { "T1 main fg", "T7 pool bg" }, running.GetProperty("y").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { 0.0, 2.25 }, running.GetProperty("base").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(new[] { 4.0, 3.25 }, running.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal("work 1", running.GetProperty("customdata")[0][0].GetString());
    }

    [Fact]
    public void Gantt_layout_uses_title_objects_category_rows_flow_arrows_and_counter_axes()
    {
        var root = Parse(SampleCharts.Gantt());
        var layout = root.GetProperty("layout");

        // Titles are HTML-escaped for Plotly, which reads its text as (a little) HTML.
        Assert.Equal("Two threads &amp; a lock", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("ms since start", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("overlay", layout.GetProperty("barmode").GetString());
        var yaxis = layout.GetProperty("yaxis");
        Assert.Equal("category", yaxis.GetProperty("type").GetString());
        Assert.Equal(3, yaxis.GetProperty("categoryarray").GetArrayLength());
        var annotations = layout.GetProperty("annotations").EnumerateArray().ToList();
        var arrow = Assert.Single(annotations, a => a.GetProperty("showarrow").GetBoolean());
        Assert.Equal("T7 pool bg", arrow.GetProperty("y").GetString());
        Assert.Equal("T1 main fg", arrow.GetProperty("ay").GetString());
        // Counter lanes are named in the left margin like rows, with their scale on the right.
        Assert.Equal(new[] { "pool threads", "queue length" }, annotations.Where(a => !a.GetProperty("showarrow").GetBoolean()).Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("right", layout.GetProperty("yaxis2").GetProperty("side").GetString());
        Assert.Equal("y3", layout.GetProperty("xaxis").GetProperty("anchor").GetString()); // the time axis under the lowest lane

        var data = root.GetProperty("data").EnumerateArray().ToList();
        var counters = data.Where(t => t.TryGetProperty("yaxis", out _)).ToList();
        Assert.Equal(new[] { "y2", "y3" }, counters.Select(c => c.GetProperty("yaxis").GetString()));
        Assert.All(counters, c => Assert.Equal("hv", c.GetProperty("line").GetProperty("shape").GetString()));
        var markers = Assert.Single(data, t => t.GetProperty("name").GetString() == "Marker");
        Assert.Equal("cancel requested", markers.GetProperty("text")[0].GetString());
    }

    [Fact]
    public void Bar_and_xy_charts_have_typed_traces_error_bars_and_title_objects()
    {
        var bars = Parse(SampleCharts.Bars());
        var first = bars.GetProperty("data")[0];
        Assert.Equal("bar", first.GetProperty("type").GetString());
        Assert.Equal(new[] { "lock", "Interlocked" }, first.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, first.GetProperty("error_y").GetProperty("array").ValueKind);
        Assert.Equal("primitive", bars.GetProperty("layout").GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());

        var lines = Parse(SampleCharts.Lines());
        var series = lines.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(new[] { "lines+markers", "lines" }, series.Select(s => s.GetProperty("mode").GetString()));
        Assert.Equal("dash", series[1].GetProperty("line").GetProperty("dash").GetString());
        var rule = Assert.Single(lines.GetProperty("layout").GetProperty("shapes").EnumerateArray());
        Assert.Equal(2, rule.GetProperty("x0").GetDouble());
    }

    [Fact]
    public void Every_title_is_an_object_and_no_typed_arrays_appear()
    {
        foreach (var chart in SampleCharts.All())
        {
            var json = chart.ToPlotlyJson();
            Assert.DoesNotContain("bdata", json);
            Assert.DoesNotContain("titlefont", json);
            Walk(JsonDocument.Parse(json).RootElement);
        }

        static void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "title")
                        Assert.Equal(JsonValueKind.Object, property.Value.ValueKind);
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Walk(item);
            }
        }
    }

    [Fact]
    public void Hostile_labels_survive_as_data()
    {
        var root = Parse(SampleCharts.Gantt(SampleCharts.Hostile));
        Assert.Equal(SampleCharts.Hostile, root.GetProperty("data")[0].GetProperty("customdata")[0][0].GetString());
    }
}
