using System.Text.Json;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Measurement;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Charts;

/// <summary>NaN and infinities (a failed or empty measurement) are gaps, never a crash or "NaN" in the SVG.</summary>
public sealed class NonFiniteValueTests
{
    [Fact]
    public void An_xy_chart_with_nan_and_infinity_renders_gaps()
    {
        var chart = new XYChart { Title = "gaps" };
        chart.Series.Add(new XYSeries("s", new double[] { 1, 2, 3, 4 }, new[] { 1, double.NaN, 3, double.PositiveInfinity }));
        chart.VerticalRules.Add(new VerticalRule(double.NaN, "nowhere"));

        var svg = chart.ToSvg();
        var plotly = JsonDocument.Parse(chart.ToPlotlyJson());

        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        var y = plotly.RootElement.GetProperty("data")[0].GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[3].ValueKind);
    }

    [Fact]
    public void A_bar_chart_with_a_missing_value_draws_the_others()
    {
        var chart = new BarChart { Title = "gaps" };
        chart.Categories.AddRange(new[] { "a", "b" });
        chart.Series.Add(new BarSeries("mean", new[] { double.NaN, 2.0 }) { Errors = new[] { double.NaN, 0.1 } });

        Assert.DoesNotContain("NaN", chart.ToSvg());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(chart.ToPlotlyJson()).RootElement.GetProperty("data")[0].GetProperty("y")[0].ValueKind);
    }

    [Fact]
    public void A_comparison_against_a_baseline_of_zero_has_no_ratio_and_says_n_a()
    {
        var options = new MeasureOptions();
        TimingResult Result(string name, double ns) =>
            new(name, new[] { ns, ns }, 1, default, true, false, options, false, false, TimeSpan.FromMilliseconds(1), Array.Empty<string>());
        var baseline = Result("empty", 0);

        var entry = new ComparisonEntry(Result("work", 10), baseline);

        Assert.True(double.IsNaN(entry.Ratio));
        Assert.Equal(1, new ComparisonEntry(baseline, baseline).Ratio);
        Assert.Contains("ratio n/a", entry.ToString());
    }

    [Fact]
    public void A_timeline_counter_with_nan_leaves_a_gap_in_the_chart_and_the_export()
    {
        var timeline = Timeline.Record(tl =>
        {
            tl.Counter("ratio", 1);
            tl.Counter("ratio", double.NaN);
            tl.Counter("ratio", 2);
        }, new TimelineOptions { CaptureRuntimeEvents = false, SampleThreadPool = false });

        Assert.DoesNotContain("NaN", timeline.ToSvg());
        var perfetto = JsonDocument.Parse(timeline.ToPerfettoJson()).RootElement.ToString();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(perfetto, "\"name\":\"ratio\"").Count);
    }
}
