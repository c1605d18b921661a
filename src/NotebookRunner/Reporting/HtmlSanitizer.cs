using System.Text.RegularExpressions;

namespace NotebookRunner.Reporting;

/// <summary>
/// Makes formatter HTML and SVG safe to inline in a report that must work without JavaScript: removes
/// script elements, inline event handlers and <c>javascript:</c> URLs. The markup comes from our own
/// engine's formatters, so this is about a static, self-contained page, not a general-purpose sanitizer.
/// </summary>
internal static partial class HtmlSanitizer
{
    // A complete element, a self-closing tag, or an unterminated open tag running to the end.
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<script\b[^>]*/>|<script\b.*\z", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptElement();

    // Start tags only; attributes are edited inside them so text content is never touched.
    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex StartTag();

    [GeneratedRegex(@"\s+on[a-zA-Z]+\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"(\s(?:href|src|xlink:href)\s*=\s*[""']?)\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavaScriptUrl();

    // An XML declaration or doctype is meaningless inside an HTML page.
    [GeneratedRegex(@"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex XmlProlog();

    /// <summary>Returns <paramref name="html"/> without scripts, event handlers and javascript: URLs.</summary>
    public static string StripScripts(string html)
    {
        var withoutScripts = ScriptElement().Replace(html, "");
        return StartTag().Replace(withoutScripts, tag =>
            JavaScriptUrl().Replace(EventHandlerAttribute().Replace(tag.Value, ""), "$1#blocked:"));
    }

    /// <summary>An SVG document ready to inline: prolog removed, scripts stripped.</summary>
    public static string InlineSvg(string svg) => StripScripts(XmlProlog().Replace(svg, "")).Trim();
}
