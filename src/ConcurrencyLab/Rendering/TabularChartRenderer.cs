using System.Text;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Rendering;

/// <summary>
/// Renders an <see cref="ITabularDisplayable"/>: its chart with the table and remarks added, in HTML and in Plotly.
/// </summary>
internal static class TabularChartRenderer
{
    /// <summary>The static chart, then the table, then each remark as a paragraph: no script, no classes.</summary>
    public static string Html(ITabularDisplayable result)
    {
        var html = new StringBuilder("<div>");
        html.Append(SvgRenderer.Render(result.ToChart()));
        html.Append(result.Table().ToHtml());
        foreach (string remark in result.Remarks())
            html.Append("<p>").Append(TextTable.Escape(remark)).Append("</p>");
        return html.Append("</div>").ToString();
    }

    /// <summary>
    /// The chart's Plotly figure with the table as a <c>table</c> trace under it (every row visible) and the remarks
    /// (warnings such as a Debug-compiled cell) under that, so VS Code, which shows this MIME type first, shows them too.
    /// Charts with counter lanes keep the figure as it is: their lanes already fill the height.
    /// </summary>
    public static string Plotly(ITabularDisplayable result) =>
        PlotlyJsonRenderer.Render(result.ToChart(), result.Table(), result.Remarks().ToList());
}
