using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NotebookRunner.Documents;

namespace NotebookRunner.Reporting;

/// <summary>Renders one cell output as static HTML, choosing the richest MIME type a page can show without JavaScript.</summary>
internal static partial class HtmlOutputRenderer
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Terminal colour codes (Jupyter tracebacks carry them) would show as garbage in a page.
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();

    public static void Render(StringBuilder html, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput stream:
                html.Append("<pre class=\"output stream ").Append(stream.IsStdErr ? "stderr" : "stdout").Append("\">")
                    .Append(HtmlText.Escape(Normalize(stream.Text))).Append("</pre>\n");
                break;
            case ErrorOutput error:
                RenderError(html, error);
                break;
            case ExecuteResultOutput result:
                RenderBundle(html, result.Data, result.ExecutionCount);
                break;
            case DisplayDataOutput display:
                RenderBundle(html, display.Data, executionCount: null);
                break;
            default:
                html.Append("<div class=\"output unknown\">Output of type <code>").Append(HtmlText.Escape(output.OutputType))
                    .Append("</code> is not shown in this report.</div>\n");
                break;
        }
    }

    private static void RenderError(StringBuilder html, ErrorOutput error)
    {
        html.Append("<div class=\"output error\"><div class=\"error-title\">")
            .Append(HtmlText.Escape(StripAnsi(error.EName)));
        if (!string.IsNullOrEmpty(error.EValue))
        {
            html.Append(": ").Append(HtmlText.Escape(StripAnsi(Normalize(error.EValue))));
        }

        html.Append("</div>");
        if (error.Traceback.Count > 0)
        {
            html.Append("<pre class=\"traceback\">")
                .Append(HtmlText.Escape(StripAnsi(Normalize(string.Join('\n', error.Traceback)))))
                .Append("</pre>");
        }

        html.Append("</div>\n");
    }

    private static void RenderBundle(StringBuilder html, MimeBundle data, int? executionCount)
    {
        html.Append("<div class=\"output rich\">");
        if (executionCount is { } count)
        {
            html.Append("<div class=\"out-prompt\">Out[").Append(count).Append("]:</div>");
        }

        html.Append(RenderRichest(data)).Append("</div>\n");
    }

    /// <summary>
    /// SVG (inline) &gt; HTML (inline, scripts stripped) &gt; PNG/JPEG (data: URI) &gt; markdown &gt; plain text.
    /// Charts carry both an SVG and a script-driven view; the SVG wins so they render statically.
    /// </summary>
    internal static string RenderRichest(MimeBundle data)
    {
        if (data.TryGetText(MimeTypes.ImageSvg, out var svg))
        {
            return "<div class=\"svg-output\">" + HtmlSanitizer.InlineSvg(svg) + "</div>";
        }

        if (data.TryGetText(MimeTypes.TextHtml, out var markup))
        {
            return "<div class=\"html-output\">" + HtmlSanitizer.StripScripts(markup) + "</div>";
        }

        foreach (var image in new[] { MimeTypes.ImagePng, MimeTypes.ImageJpeg, "image/gif" })
        {
            // Only real base64 goes into the attribute, so a malformed value cannot break out of it.
            if (data.TryGetText(image, out var encoded) && string.Concat(encoded.Where(c => !char.IsWhiteSpace(c))) is var compact
                && compact.Length > 0 && Base64().IsMatch(compact))
            {
                return $"<img class=\"image-output\" alt=\"{image} output\" src=\"data:{image};base64,{compact}\">";
            }
        }

        if (data.TryGetText(MimeTypes.TextMarkdown, out var markdown))
        {
            return "<div class=\"markdown-output\">" + HtmlMarkdown.Render(markdown) + "</div>";
        }

        if (data.TryGetText(MimeTypes.TextPlain, out var plain))
        {
            return "<pre class=\"text-output\">" + HtmlText.Escape(Normalize(plain)) + "</pre>";
        }

        var json = data.MimeTypes.FirstOrDefault(MimeTypes.IsJson);
        if (json is not null)
        {
            var node = data.GetRaw(json);
            var text = node is null ? "null" : node.ToJsonString(Indented);
            return "<pre class=\"text-output json-output\" title=\"" + HtmlText.Escape(json) + "\">" + HtmlText.Escape(text) + "</pre>";
        }

        return data.Count == 0
            ? "<div class=\"output unknown\">(empty output)</div>"
            : "<div class=\"output unknown\">No static view for " + HtmlText.Escape(string.Join(", ", data.MimeTypes)) + ".</div>";
    }

    private static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
