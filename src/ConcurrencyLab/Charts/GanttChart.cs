using System.Globalization;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Charts;

/// <summary>
/// A thread timeline: one lane per thread with running/blocked/sleeping segments, instant markers,
/// flow arrows between lanes, and counter lanes underneath. Time is in milliseconds.
/// </summary>
/// <example><code>
/// var g = new GanttChart { Title = "two workers" };
/// g.Lanes.Add(new GanttLane("T1") { Segments = { new(0, 5, SegmentState.Running, "work") } });
/// </code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class GanttChart : Chart
{
    /// <summary>Creates an empty timeline chart with an "ms since start" time axis.</summary>
    public GanttChart() => XAxisTitle = "ms since start";

    /// <summary>Rows, top to bottom.</summary>
    public List<GanttLane> Lanes { get; } = new();

    /// <summary>Instants drawn on lanes.</summary>
    public List<GanttMarker> Markers { get; } = new();

    /// <summary>Arrows between lanes.</summary>
    public List<GanttFlow> Flows { get; } = new();

    /// <summary>Counter lanes drawn under the rows, sharing the time axis.</summary>
    public List<CounterLane> Counters { get; } = new();

    /// <summary>
    /// Extra lines appended to the plain-text summary (e.g. derived figures), and written under the static chart too, so
    /// the SVG says everything the text does (indented lines past the twelfth are counted there, not listed).
    /// </summary>
    public List<string> Notes { get; } = new();

    /// <summary>Latest time in any segment, marker, flow or counter (at least 0).</summary>
    public double EndTime
    {
        get
        {
            double end = 0;
            foreach (var lane in Lanes)
                foreach (var s in lane.Segments) end = Math.Max(end, s.End);
            foreach (var m in Markers) end = Math.Max(end, m.Time);
            foreach (var f in Flows) end = Math.Max(end, Math.Max(f.FromTime, f.ToTime));
            foreach (var c in Counters)
                foreach (var p in c.Points) end = Math.Max(end, p.Time);
            return end;
        }
    }

    /// <summary>
    /// Whether the chart knows which running time was on a CPU (it has ready or off-CPU bars, or spans with CPU
    /// details): only then does the legend call green "on CPU".
    /// </summary>
    public bool ShowsCpuTime => Lanes.Any(l => l.Segments.Any(s => s.State is SegmentState.Runnable or SegmentState.OffCpu) || l.Spans.Any(s => s.Detail is not null));

    /// <inheritdoc />
    public override string ToPlainText()
    {
        var segments = Lanes.Sum(l => l.Segments.Count);
        var text = string.Format(CultureInfo.InvariantCulture,
            "{0}: {1} lanes, {2} segments, {3} markers, {4} flows, {5:0.###} ms",
            Title.Length == 0 ? "Timeline" : Title, Lanes.Count, segments, Markers.Count, Flows.Count, EndTime);
        return Notes.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, Notes);
    }
}
