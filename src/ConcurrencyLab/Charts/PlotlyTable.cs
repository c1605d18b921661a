using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// A Plotly <c>table</c> trace sized to show every row: fixed cell heights, column widths in proportion to their
/// longest text, and a height that allows for the lines Plotly will wrap long cells into at the planned width.
/// </summary>
internal sealed class PlotlyTable
{
    public const int HeaderHeight = 28, CellHeight = 24, LineHeight = 15;
    private const double CharWidth = 6.6; // 11 px table text

    private readonly TextTable _table;
    private readonly double[] _widths;

    public PlotlyTable(TextTable table, double width)
    {
        _table = table;
        var longest = Enumerable.Range(0, table.Headers.Count)
            // A long name wraps onto two lines rather than squeezing every number column into two.
            .Select(c => Math.Min(22, Math.Max(Longest(table.Headers[c]), table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r[c].Length))) + 2.0)
            .ToArray();
        var total = longest.Sum();
        _widths = longest.Select(l => width * l / total).ToArray();
        Height = HeaderHeight + ExtraLines(table.Headers) * LineHeight
            + table.Rows.Sum(row => CellHeight + ExtraLines(row) * LineHeight) + 6;
    }

    /// <summary>Pixels the table needs to show its header and every row.</summary>
    public int Height { get; }

    public void Write(Utf8JsonWriter json, double bottom, double top)
    {
        json.WriteStartObject();
        json.WriteString("type", "table");
        json.WriteStartObject("domain");
        PlotlyJson.Numbers(json, "x", new[] { 0.0, 1.0 });
        PlotlyJson.Numbers(json, "y", new[] { bottom, top });
        json.WriteEndObject();
        PlotlyJson.Numbers(json, "columnwidth", _widths.Select(w => Math.Round(w)));
        var align = _table.Headers.Select((_, c) => c == 0 ? "left" : "right").ToList();
        json.WriteStartObject("header");
        PlotlyJson.Strings(json, "values", _table.Headers);
        PlotlyJson.Strings(json, "align", align);
        json.WriteNumber("height", HeaderHeight);
        Font(json, 11, "#222222");
        Fill(json, "#eeeeee");
        json.WriteEndObject();
        json.WriteStartObject("cells");
        json.WriteStartArray("values");
        for (var c = 0; c < _table.Headers.Count; c++)
        {
            json.WriteStartArray();
            foreach (var row in _table.Rows) json.WriteStringValue(row[c]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        PlotlyJson.Strings(json, "align", align);
        json.WriteNumber("height", CellHeight);
        Font(json, 11, "#222222");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A header of two words wraps at its space rather than squeezing the numbers under it.
    private static int Longest(string header) => header.Split(' ').Max(w => w.Length);

    private int ExtraLines(IReadOnlyList<string> cells)
    {
        var lines = 1;
        for (var c = 0; c < cells.Count; c++)
        {
            var fits = Math.Max(1, (int)((_widths[c] - 12) / CharWidth));
            lines = Math.Max(lines, PlotlyText.Wrap(cells[c], fits).Count);
        }
        return lines - 1;
    }

    private static void Font(Utf8JsonWriter json, int size, string color)
    {
        json.WriteStartObject("font");
        json.WriteNumber("size", size);
        json.WriteString("color", color);
        json.WriteEndObject();
    }

    private static void Fill(Utf8JsonWriter json, string color)
    {
        json.WriteStartObject("fill");
        json.WriteString("color", color);
        json.WriteEndObject();
    }
}
