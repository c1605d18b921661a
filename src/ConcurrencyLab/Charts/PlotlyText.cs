namespace ConcurrencyLab.Charts;

/// <summary>
/// Estimates of how much room Plotly's text takes, so a figure's layout can be fixed in pixels before any front end
/// draws it (Plotly's own automatic margins would shrink the plot and push tables out of view instead).
/// </summary>
internal static class PlotlyText
{
    /// <summary>The width Plotly gives a figure when its container does not say (and the width the layout is planned for).</summary>
    public const int DefaultWidth = 700;

    /// <summary>Average width of a character of 12 px text in Plotly's default font, generous so labels never clip.</summary>
    public const double CharWidth12 = 7.4;

    /// <summary>Average width of a character of 11 px text.</summary>
    public const double CharWidth11 = 6.8;

    public static double Width(string text, double charWidth = CharWidth12) => text.Length * charWidth;

    /// <summary>Splits <paramref name="text"/> at spaces into lines of at most <paramref name="maxChars"/> (longer words stay whole).</summary>
    public static List<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }

    /// <summary>Most characters of a subtitle line (11 px) across the default width before it wraps.</summary>
    private const int SubtitleChars = (int)((DefaultWidth - 20) / CharWidth11);

    /// <summary>A subtitle's lines: the caller's own (\n), each wrapped to the default width.</summary>
    public static List<string> SubtitleLines(string subtitle) =>
        subtitle.Length == 0 ? new List<string>() : subtitle.Split('\n').SelectMany(line => Wrap(line, SubtitleChars)).ToList();

    /// <summary>
    /// Pixels the top margin grows by for a subtitle. Plotly spaces every line of the title by the title's font (22 px)
    /// and puts the first line's baseline at the middle of the top margin, so each further line needs twice its height.
    /// </summary>
    public static int SubtitleHeight(string subtitle) => SubtitleLines(subtitle).Count switch { 0 => 0, var n => 18 + (n - 1) * 44 };

    /// <summary>
    /// Rows a horizontal legend with these entries takes in <paramref name="width"/> pixels: one row when all fit, else
    /// Plotly lays the entries out in columns as wide as the widest entry.
    /// </summary>
    public static int LegendRows(IReadOnlyCollection<string> names, double width)
    {
        if (names.Count == 0) return 0;
        var entries = names.Select(n => 46 + Width(n)).ToList();
        if (entries.Sum() <= width) return 1;
        var perRow = Math.Max(1, (int)(width / entries.Max()));
        return (names.Count + perRow - 1) / perRow;
    }
}
