using System.Net;
using System.Text;
using System.Text.Json.Nodes;
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
    /// The chart's Plotly figure with the table as a <c>table</c> trace under it and the remarks (warnings such as a
    /// Debug-compiled cell) as an annotation, so VS Code, which shows this MIME type first, shows them too.
    /// Charts with several y axes (counter lanes) keep the figure as it is: their lanes already fill the height.
    /// </summary>
    public static string Plotly(ITabularDisplayable result)
    {
        string json = PlotlyJsonRenderer.Render(result.ToChart());
        var figure = JsonNode.Parse(json)!.AsObject();
        var layout = figure["layout"]!.AsObject();
        if (layout.ContainsKey("yaxis2")) return json;

        var table = result.Table();
        var remarks = result.Remarks().ToList();
        const int RowHeight = 28, RemarkHeight = 20, ChartHeight = 360;
        int tableHeight = RowHeight * (table.Rows.Count + 1) + 10;
        int remarksHeight = remarks.Count * RemarkHeight;
        int height = ChartHeight + 60 + tableHeight + remarksHeight;
        double Fraction(int pixels) => pixels / (double)height;

        // From the bottom: remarks, the table, a gap, the chart.
        double tableBottom = Fraction(remarksHeight), tableTop = Fraction(remarksHeight + tableHeight);
        var columns = new JsonArray();
        for (int c = 0; c < table.Headers.Count; c++)
            columns.Add(new JsonArray(table.Rows.Select(row => (JsonNode?)JsonValue.Create(row[c])).ToArray()));
        var align = new JsonArray(table.Headers.Select((_, c) => (JsonNode?)JsonValue.Create(c == 0 ? "left" : "right")).ToArray());
        figure["data"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "table",
            ["domain"] = new JsonObject { ["x"] = new JsonArray(0, 1), ["y"] = new JsonArray(tableBottom, tableTop) },
            ["header"] = new JsonObject
            {
                ["values"] = new JsonArray(table.Headers.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray()),
                ["align"] = align.DeepClone(),
            },
            ["cells"] = new JsonObject { ["values"] = columns, ["align"] = align },
        });
        var yaxis = layout["yaxis"] as JsonObject ?? new JsonObject();
        yaxis["domain"] = new JsonArray(Fraction(remarksHeight + tableHeight + 60), 1.0);
        layout["yaxis"] = yaxis;
        layout["height"] = height;
        if (remarks.Count > 0)
        {
            var annotations = layout["annotations"] as JsonArray ?? new JsonArray();
            annotations.Add(new JsonObject
            {
                ["text"] = string.Join("<br>", remarks.Select(WebUtility.HtmlEncode)),
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["x"] = 0,
                ["y"] = 0,
                ["xanchor"] = "left",
                ["yanchor"] = "bottom",
                ["align"] = "left",
                ["showarrow"] = false,
            });
            layout["annotations"] = annotations;
        }
        return figure.ToJsonString();
    }
}
