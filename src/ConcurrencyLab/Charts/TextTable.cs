using System.Net;
using System.Text;

namespace ConcurrencyLab.Charts;

/// <summary>A Markdown-style table with padded columns, readable in a terminal and pasteable into a README.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();
    private readonly bool[] _rightAligned;

    /// <summary>A table whose first column is left-aligned and the others right-aligned (numbers).</summary>
    public TextTable(params string[] headers)
        : this(headers, headers.Select((_, i) => i > 0).ToArray())
    {
    }

    /// <summary>A table with the alignment of each column given.</summary>
    public TextTable(string[] headers, bool[] rightAligned)
    {
        if (rightAligned.Length != headers.Length)
            throw new ArgumentException($"{rightAligned.Length} alignments for {headers.Length} columns.", nameof(rightAligned));
        _headers = headers;
        _rightAligned = rightAligned;
    }

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

    /// <summary>
    /// The same table without those of <paramref name="optional"/> whose cells are all "-" (nothing happened), so the
    /// columns that say something keep room to be read.
    /// </summary>
    public TextTable WithoutEmptyColumns(IReadOnlyCollection<string> optional)
    {
        var keep = Enumerable.Range(0, _headers.Length)
            .Where(c => !optional.Contains(_headers[c]) || _rows.Count == 0 || _rows.Any(r => r[c] != "-")).ToArray();
        if (keep.Length == _headers.Length) return this;
        var table = new TextTable(keep.Select(c => _headers[c]).ToArray(), keep.Select(c => _rightAligned[c]).ToArray());
        foreach (var row in _rows) table.Add(keep.Select(c => row[c]).ToArray());
        return table;
    }

    /// <summary>The table; the first column is left-aligned, numbers right-aligned.</summary>
    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, _headers, widths, _rightAligned);
        text.Append('|');
        for (int i = 0; i < widths.Length; i++)
            text.Append(_rightAligned[i] ? "-" : ":").Append('-', widths[i]).Append(_rightAligned[i] ? ":" : "-").Append('|');
        text.AppendLine();
        foreach (var row in _rows) AppendRow(text, row, widths, _rightAligned);
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
            html.Append(_rightAligned[i] ? "<th align=\"right\">" : "<th align=\"left\">").Append(Escape(_headers[i])).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
                html.Append(_rightAligned[i] ? "<td align=\"right\">" : "<td align=\"left\">").Append(Escape(row[i])).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>HTML-escapes text so it is shown, never interpreted.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths, bool[] rightAligned)
    {
        text.Append('|');
        for (int i = 0; i < cells.Length; i++)
        {
            text.Append(' ');
            text.Append(rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            text.Append(" |");
        }
        text.AppendLine();
    }
}
