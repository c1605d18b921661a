using System.Globalization;
using System.Text;

namespace NotebookRunner.Reporting;

/// <summary>Escaping and small formatting helpers for the HTML report.</summary>
internal static class HtmlText
{
    /// <summary>Escapes text for element content and quoted attribute values. Non-ASCII stays literal (the page is UTF-8).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>A relative link target: each path segment percent-encoded, then attribute-escaped.</summary>
    public static string Href(string relativePath) =>
        Escape(string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)));

    /// <summary>"350 ms", "4.21 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan duration)
    {
        var inv = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(inv, $"{duration.TotalMilliseconds:0} ms");
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return string.Create(inv, $"{duration.TotalSeconds:0.00} s");
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return string.Create(inv, $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s");
        }

        return string.Create(inv, $"{(int)duration.TotalHours} h {duration.Minutes:00} min");
    }

    /// <summary>The CSS class of a status word: "timed out" → "status-timed-out".</summary>
    public static string StatusClass(string status) => status.Trim().ToLowerInvariant() switch
    {
        "passed" => "status-passed",
        "failed" => "status-failed",
        "timed out" => "status-timed-out",
        "crashed" => "status-crashed",
        _ => "status-other",
    };
}
