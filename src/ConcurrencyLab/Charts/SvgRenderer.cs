namespace ConcurrencyLab.Charts;

/// <summary>
/// Renders any <see cref="Chart"/> as a static SVG document: no script, no CSS classes or ids,
/// presentation attributes only, all text XML-escaped, numbers culture-invariant.
/// </summary>
/// <example><code>File.WriteAllText("timeline.svg", SvgRenderer.Render(chart));</code></example>
public static class SvgRenderer
{
    /// <summary>The SVG document for <paramref name="chart"/>.</summary>
    public static string Render(Chart chart) => chart switch
    {
        GanttChart gantt => GanttSvgWriter.Write(gantt),
        BarChart bar => BarSvgWriter.Write(bar),
        XYChart xy => XYSvgWriter.Write(xy),
        null => throw new ArgumentNullException(nameof(chart)),
        _ => throw new NotSupportedException($"No SVG writer for chart type {chart.GetType().Name}."),
    };
}
