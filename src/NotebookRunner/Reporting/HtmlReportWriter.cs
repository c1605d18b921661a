using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Reporting;

/// <summary>
/// Renders executed notebooks as static, self-contained HTML pages (one per notebook, plus an index).
/// Pages need no JavaScript and load nothing from outside: one inline style sheet, images as data: URIs,
/// charts as their inline SVG.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Renders one notebook: a header with its name, status and duration, then every cell with its outputs.</summary>
    /// <param name="notebook">The executed notebook.</param>
    /// <param name="title">The page title, usually the notebook's name.</param>
    /// <param name="entry">The run result shown in the header.</param>
    public static string RenderNotebook(Notebook notebook, string title, ReportEntry entry)
    {
        var html = new StringBuilder();
        AppendHead(html, $"{title} — {entry.Status}");

        html.Append("<header>\n<p class=\"meta\"><a href=\"index.html\">&larr; All notebooks</a></p>\n")
            .Append("<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n")
            .Append("<p class=\"meta\">").Append(StatusBadge(entry.Status))
            .Append(" &middot; ").Append(HtmlText.Escape(HtmlText.Duration(entry.Duration)))
            .Append(" &middot; ").Append(entry.CellsRun.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(entry.CellCount.ToString(CultureInfo.InvariantCulture)).Append(" cells run</p>\n");
        if (!string.IsNullOrWhiteSpace(entry.FailureSummary))
        {
            html.Append("<div class=\"failure\">").Append(HtmlText.Escape(entry.FailureSummary)).Append("</div>\n");
        }

        if (!string.IsNullOrWhiteSpace(entry.Note))
        {
            html.Append("<div class=\"note\">").Append(HtmlText.Escape(entry.Note)).Append("</div>\n");
        }

        html.Append("</header>\n<main>\n");
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            AppendCell(html, notebook.Cells[i], i);
        }

        html.Append("</main>\n");
        AppendTail(html);
        return html.ToString();
    }

    /// <summary>Renders the index: one row per notebook (link, status, duration, cells, failure or note), totals, time and environment.</summary>
    /// <param name="entries">The notebooks in the order to list them.</param>
    /// <param name="title">The page title.</param>
    /// <param name="generatedAt">When the run happened; shown with its offset.</param>
    /// <param name="environmentSummary">One line about the machine and runtime.</param>
    public static string RenderIndex(IReadOnlyList<ReportEntry> entries, string title, DateTimeOffset generatedAt, string environmentSummary)
    {
        var html = new StringBuilder();
        var failed = entries.Count(e => HtmlText.StatusClass(e.Status) != "status-passed");
        AppendHead(html, failed == 0 ? $"{title} — all passed" : $"{title} — {failed} not passed");

        html.Append("<header>\n<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n<p class=\"meta totals\">")
            .Append(HtmlText.Escape(Totals(entries))).Append("</p>\n</header>\n<main>\n");

        html.Append("<table class=\"summary\">\n<thead><tr><th>Notebook</th><th>Status</th><th>Duration</th><th>Cells run</th><th>Failure or note</th></tr></thead>\n<tbody>\n");
        foreach (var entry in entries)
        {
            html.Append("<tr><td><a href=\"").Append(HtmlText.Href(entry.HtmlFileName)).Append("\">")
                .Append(HtmlText.Escape(entry.NotebookName)).Append("</a></td>")
                .Append("<td>").Append(StatusBadge(entry.Status)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Escape(HtmlText.Duration(entry.Duration))).Append("</td>")
                .Append("<td class=\"num\">").Append(entry.CellsRun.ToString(CultureInfo.InvariantCulture)).Append(" / ")
                .Append(entry.CellCount.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<td>").Append(HtmlText.Escape(entry.FailureSummary));
            if (!string.IsNullOrWhiteSpace(entry.Note))
            {
                html.Append("<div class=\"note\">").Append(HtmlText.Escape(entry.Note)).Append("</div>");
            }

            html.Append("</td></tr>\n");
        }

        if (entries.Count == 0)
        {
            html.Append("<tr><td colspan=\"5\">No notebooks were run.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</main>\n<footer>\n<p>Generated ")
            .Append(HtmlText.Escape(generatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture)))
            .Append("</p>\n<p>").Append(HtmlText.Escape(environmentSummary)).Append("</p>\n</footer>\n");
        AppendTail(html);
        return html.ToString();
    }

    private static string Totals(IReadOnlyList<ReportEntry> entries)
    {
        // Always name the four statuses so a reader can see at a glance that nothing timed out or crashed.
        var counts = new[] { "passed", "failed", "timed out", "crashed" }
            .Select(s => $"{entries.Count(e => string.Equals(e.Status, s, StringComparison.OrdinalIgnoreCase))} {s}");
        var total = TimeSpan.FromTicks(entries.Sum(e => e.Duration.Ticks));
        var notebooks = entries.Count == 1 ? "1 notebook" : $"{entries.Count} notebooks";
        return $"{notebooks}: {string.Join(", ", counts)} · {HtmlText.Duration(total)} in total";
    }

    private static void AppendCell(StringBuilder html, NotebookCell cell, int index)
    {
        var anchor = CellIdsForHtml(cell, index);
        switch (cell.CellType)
        {
            case NotebookCell.MarkdownType:
                html.Append("<section class=\"cell cell-markdown\" id=\"").Append(anchor).Append("\"><div class=\"prompt\"></div><div class=\"cell-body\">")
                    .Append(WithAttachments(HtmlMarkdown.Render(cell.Source), cell)).Append("</div></section>\n");
                break;
            case NotebookCell.CodeType:
                AppendCodeCell(html, cell, anchor);
                break;
            default:
                // Raw and unknown cell types: shown verbatim, never interpreted.
                html.Append("<section class=\"cell cell-raw\" id=\"").Append(anchor).Append("\"><div class=\"prompt\">")
                    .Append(HtmlText.Escape(cell.CellType)).Append("</div><div class=\"cell-body\"><pre class=\"source\">")
                    .Append(HtmlText.Escape(cell.Source)).Append("</pre></div></section>\n");
                break;
        }
    }

    private static void AppendCodeCell(StringBuilder html, NotebookCell cell, string anchor)
    {
        var notRun = cell.ExecutionCount is null && cell.Outputs.Count == 0;
        var hasError = cell.Outputs.Any(o => o is ErrorOutput);
        html.Append("<section class=\"cell cell-code").Append(notRun ? " cell-not-run" : "").Append(hasError ? " cell-error" : "")
            .Append("\" id=\"").Append(anchor).Append("\"><div class=\"prompt\">[")
            .Append(cell.ExecutionCount is { } count ? count.ToString(CultureInfo.InvariantCulture) : "&nbsp;")
            .Append("]:</div><div class=\"cell-body\">");

        if (cell.Tags.Count > 0)
        {
            html.Append("<div class=\"tags\">");
            foreach (var tag in cell.Tags)
            {
                html.Append("<span class=\"tag\">").Append(HtmlText.Escape(tag)).Append("</span>");
            }

            html.Append("</div>");
        }

        html.Append("<pre class=\"source\"><code>").Append(HtmlText.Escape(cell.Source)).Append("</code></pre>\n");
        foreach (var output in cell.Outputs)
        {
            HtmlOutputRenderer.Render(html, output);
        }

        html.Append("</div></section>\n");
    }

    /// <summary>Markdown images that point at cell attachments (<c>attachment:name</c>) become data: URIs.</summary>
    private static string WithAttachments(string renderedHtml, NotebookCell cell)
    {
        if (cell.ExtraProperties["attachments"] is not JsonObject attachments)
        {
            return renderedHtml;
        }

        foreach (var (name, bundleNode) in attachments)
        {
            if (bundleNode is not JsonObject bundle)
            {
                continue;
            }

            var mimeBundle = new MimeBundle();
            foreach (var (mime, value) in bundle)
            {
                mimeBundle.SetRaw(mime, value?.DeepClone());
            }

            var image = HtmlOutputRenderer.RenderRichest(mimeBundle);
            var marker = $"src=\"attachment:{HtmlText.Escape(name)}\"";
            var start = image.IndexOf("src=\"data:", StringComparison.Ordinal);
            if (start >= 0 && renderedHtml.Contains(marker, StringComparison.Ordinal))
            {
                var end = image.IndexOf('"', start + 5);
                renderedHtml = renderedHtml.Replace(marker, image[start..(end + 1)], StringComparison.Ordinal);
            }
        }

        return renderedHtml;
    }

    private static string CellIdsForHtml(NotebookCell cell, int index) =>
        "cell-" + (string.IsNullOrEmpty(cell.Id) ? index.ToString(CultureInfo.InvariantCulture) : HtmlText.Escape(cell.Id));

    private static string StatusBadge(string status) =>
        $"<span class=\"status {HtmlText.StatusClass(status)}\">{HtmlText.Escape(status)}</span>";

    private static void AppendHead(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>\n<style>\n")
            .Append(HtmlReportStyles.Css).Append("\n</style>\n</head>\n<body>\n");

    private static void AppendTail(StringBuilder html) => html.Append("</body>\n</html>\n");
}
