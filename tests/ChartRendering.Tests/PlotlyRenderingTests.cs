using System.Collections.Concurrent;

namespace ChartRendering.Tests;

/// <summary>
/// Draws the library's representative Plotly figures with plotly.js (latest and 2.35) in headless Chromium at their
/// default size and fails on anything a reader would miss: clipped labels, rows under the minimum height, legends
/// or axis titles on a plot or a table, table rows out of view, fractional ticks on whole-number axes.
/// </summary>
public sealed class PlotlyRenderingTests
{
    private static readonly ConcurrentDictionary<PlotlyBuild, Lazy<RenderReport>> Reports = new();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var build in PlotlyBuild.All)
            foreach (var figure in FigureCatalog.All)
                data.Add(build.Name, figure.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Figure_is_complete_at_its_default_size(string buildName, string figureName)
    {
        var build = PlotlyBuild.All.Single(b => b.Name == buildName);
        var figure = FigureCatalog.All.Single(f => f.Name == figureName);
        var report = Reports.GetOrAdd(build, b => new Lazy<RenderReport>(() => ChromiumPage.Render(b, FigureCatalog.All))).Value;

        var drawn = Assert.Single(report.Figures!, f => f.Name == figureName);
        var problems = FigureChecks.Problems(figure, drawn);
        Assert.True(problems.Count == 0, $"plotly.js {report.Plotly}, \"{figureName}\":\n  " + string.Join("\n  ", problems));
    }
}
