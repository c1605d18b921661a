namespace NotebookRunner.Documents;

/// <summary>Python string semantics that nbformat's byte layout depends on.</summary>
internal static class PythonText
{
    /// <summary>
    /// <c>str.splitlines(keepends=True)</c>: splits after \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e,
    /// \x85, \u2028 and \u2029, keeping the terminators. An empty string gives no lines.
    /// </summary>
    public static List<string> SplitLinesKeepEnds(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            else if (!IsLineBreak(c))
            {
                continue;
            }

            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Replaces CRLF and lone CR with LF (captured .NET output on Windows, progress redraws).</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    private static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
