using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Rendering;

/// <summary>
/// Something that displays as a chart. To make a type render as the full MIME bundle, implement this
/// and put <c>[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = ChartMimeTypes...)]</c>
/// on it (see <see cref="ChartMimeTypes.Preferred"/>).
/// </summary>
public interface IChartDisplayable
{
    /// <summary>The chart to draw (built fresh or cached; it is rendered once per MIME type).</summary>
    Chart ToChart();

    /// <summary>A short summary a person can read in a terminal (the text/plain output).</summary>
    string ToPlainText();
}
