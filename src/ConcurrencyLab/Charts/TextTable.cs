using System.Net;
using System.Text;

namespace ConcurrencyLab.Charts;

/// <summary>A Markdown-style table with padded columns, readable in a terminal and pasteable into a README.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public TextTable(params string[] headers) => _headers = headers;

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>The rows, each with one cell per header.</summary>
    public IReadOnlyList<string[]> Rows => _rows;

    public void Add(params string[] cells)
    {
        if (cells.Length != _headers.Length)
            throw new ArgumentException($"{cells.Length} cells for {_headers.Length} columns.", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>The table; the first column is left-aligned, numbers right-aligned.</summary>
    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, _headers, widths);
        text.Append('|');
        for (int i = 0; i < widths.Length; i++)
            text.Append(i == 0 ? ":" : "-").Append('-', widths[i]).Append(i == 0 ? "-" : ":").Append('|');
        text.AppendLine();
        foreach (var row in _rows) AppendRow(text, row, widths);
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The table as script-free, class-free HTML (numbers right-aligned with the <c>align</c> attribute, which
    /// survives GitHub's sanitiser); every cell is escaped, and the markup is also well-formed XML.
    /// </summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table><thead><tr>");
        for (int i = 0; i < _headers.Length; i++)
            html.Append(i == 0 ? "<th align=\"left\">" : "<th align=\"right\">").Append(Escape(_headers[i])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
                html.Append(i == 0 ? "<td align=\"left\">" : "<td align=\"right\">").Append(Escape(row[i])).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>HTML-escapes text so it is shown, never interpreted.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (int i = 0; i < cells.Length; i++)
        {
            text.Append(' ');
            text.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            text.Append(" |");
        }
        text.AppendLine();
    }
}
