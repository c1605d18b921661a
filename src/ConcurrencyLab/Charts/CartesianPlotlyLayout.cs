using System.Net;
using System.Text.Json;

namespace ConcurrencyLab.Charts;

/// <summary>
/// The layout of a bar or XY figure in pixels, top to bottom: title, plot, x tick labels and axis title, legend,
/// then (for measurement results) the table with every row and the remarks. Nothing is left to Plotly's automatic
/// margins, which would shrink the plot and scroll the table; the test under tests/ChartRendering checks the result.
/// </summary>
internal sealed class CartesianPlotlyLayout
{
    // A narrow margin: the y axis's labels and title sit inside the paper, left of the x axis's domain, so the
    // table under the plot gets the figure's whole width.
    private const int Left = 10, Right = 20, Bottom = 10, Gap = 18, RemarkLine = 16, LegendRow = 22, YAxisRoom = 72, TitleLine = 22;

    private readonly Chart _chart;
    private readonly PlotlyTable? _table;
    private readonly List<string> _remarkLines;
    private readonly int _legendRows;
    private readonly int _top, _plot, _axis, _legend, _tableHeight, _remarks;
    private readonly List<string> _titleLines;

    public CartesianPlotlyLayout(Chart chart, int chartHeight, int tickLabelLines, IReadOnlyList<string> legendNames,
        TextTable? table, IReadOnlyList<string> remarks)
    {
        _chart = chart;
        var paperWidth = PlotlyText.DefaultWidth - Left - Right;
        var plotWidth = paperWidth - YAxisRoom;
        // Long titles (a %timeit line, a fit) wrap instead of running off the figure: 17 px text, ~9.5 px a character.
        _titleLines = PlotlyText.Wrap(chart.Title, (int)(paperWidth / 9.5));
        _top = 28 + _titleLines.Count * TitleLine + PlotlyText.SubtitleHeight(chart.Subtitle);
        _plot = Math.Max(220, chartHeight - 150);
        _axis = 12 + 16 * Math.Max(1, tickLabelLines) + (chart.XAxisTitle.Length > 0 ? 34 : 6);
        _legendRows = legendNames.Count > 1 ? PlotlyText.LegendRows(legendNames, plotWidth) : 0;
        _legend = _legendRows * LegendRow;
        _table = table is null ? null : new PlotlyTable(table, paperWidth);
        _tableHeight = _table?.Height ?? 0;
        _remarkLines = remarks.SelectMany(r => PlotlyText.Wrap(r, (int)(paperWidth / PlotlyText.CharWidth11))).ToList();
        XDomainStart = Math.Round(YAxisRoom / (double)paperWidth, 4);
        _remarks = _remarkLines.Count * RemarkLine;
        Height = _top + _plot + _axis + _legend + (_table is null ? 0 : Gap + _tableHeight) + (_remarks > 0 ? Gap / 2 + _remarks : 0) + Bottom;
    }

    public int Height { get; }

    /// <summary>Where the x axis starts (paper fraction): left of it is the y axis's room.</summary>
    public double XDomainStart { get; }

    private double Paper => Height - _top - Bottom;

    private double Fraction(double pixelsFromBottom) => pixelsFromBottom / Paper;

    private double BelowPlot => _remarks + (_remarks > 0 ? Gap / 2 : 0) + (_table is null ? 0 : _tableHeight + Gap) + _legend + _axis;

    /// <summary>The y axis's domain: everything above the axis labels, legend, table and remarks.</summary>
    public double[] YDomain => new[] { Fraction(BelowPlot), 1.0 };

    /// <summary>Writes title, size, margins and legend of the layout object (already open).</summary>
    public void WriteFrame(Utf8JsonWriter json)
    {
        PlotlyJson.Title(json, "title", string.Join("\n", _titleLines), _chart.Subtitle);
        json.WriteNumber("height", Height);
        PlotlyJson.Margin(json, Left, Right, _top, Bottom);
        json.WriteBoolean("showlegend", _legendRows > 0);
        if (_legendRows > 0)
        {
            json.WriteStartObject("legend");
            json.WriteString("orientation", "h");
            json.WriteNumber("x", 0);
            json.WriteString("xanchor", "left");
            json.WriteNumber("y", Math.Round(Fraction(BelowPlot - _axis), 4));
            json.WriteString("yanchor", "top");
            json.WriteEndObject();
        }
    }

    /// <summary>The table trace (inside the data array), if there is a table.</summary>
    public void WriteTable(Utf8JsonWriter json)
    {
        if (_table is null) return;
        var bottom = _remarks + (_remarks > 0 ? Gap / 2 : 0);
        _table.Write(json, Math.Round(Fraction(bottom), 4), Math.Round(Fraction(bottom + _tableHeight), 4));
    }

    /// <summary>The remarks as one left-aligned annotation at the bottom (inside the annotations array).</summary>
    public void WriteRemarks(Utf8JsonWriter json)
    {
        if (_remarkLines.Count == 0) return;
        json.WriteStartObject();
        json.WriteString("text", string.Join("<br>", _remarkLines.Select(WebUtility.HtmlEncode)));
        json.WriteString("xref", "paper");
        json.WriteString("yref", "paper");
        json.WriteNumber("x", 0);
        json.WriteNumber("y", 0);
        json.WriteString("xanchor", "left");
        json.WriteString("yanchor", "bottom");
        json.WriteString("align", "left");
        json.WriteBoolean("showarrow", false);
        json.WriteStartObject("font");
        json.WriteNumber("size", 11);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
