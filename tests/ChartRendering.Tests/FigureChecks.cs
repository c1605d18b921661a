using System.Globalization;

namespace ChartRendering.Tests;

/// <summary>What makes a drawn figure incomplete: each check returns one line per problem, naming what and where.</summary>
internal static class FigureChecks
{
    /// <summary>Rows closer than this are unreadable: labels touch and bars shrink to lines.</summary>
    public const double MinRowPitch = 20;

    public static List<string> Problems(Figure figure, RenderedFigure drawn)
    {
        var problems = new List<string>(drawn.Errors.Select(e => "plotly.js failed: " + e));
        if (drawn.Svg is null) return problems;
        var svg = drawn.Svg;
        var plots = drawn.Plots ?? new List<Box>();
        var tables = drawn.Tables ?? new List<RenderedTable>();
        var labels = (drawn.Yticks ?? new()).Concat(drawn.Xticks ?? new()).Concat(drawn.Titles ?? new()).Concat(drawn.Annotations ?? new())
            .Concat(drawn.PointTexts ?? new()).ToList();

        // Nothing a reader needs may be cut off by the figure's edge.
        foreach (var label in labels.Where(l => l.Text.Trim().Length > 0 && !l.Inside(svg)))
            problems.Add($"clipped: {label} lies outside the figure {svg}");
        if (drawn.Legend is { } legend && !legend.Inside(svg))
            problems.Add($"clipped: the legend {legend} lies outside the figure {svg}");

        // Rows tall enough to read.
        if (figure.HasRows)
        {
            var rows = (drawn.Yticks ?? new()).Where(t => t.Cls.Split(' ').Contains("ytick")).Select(t => t.Y + t.H / 2).OrderBy(y => y).ToList();
            for (var i = 1; i < rows.Count; i++)
                if (rows[i] - rows[i - 1] < MinRowPitch)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "rows {0:0.#} px apart (minimum {1} px)", rows[i] - rows[i - 1], MinRowPitch));
                    break;
                }
        }

        // Legends and axis titles never on a plot or a table.
        var occupied = plots.Select((p, i) => (What: $"plot area {i + 1} {p}", Box: p))
            .Concat(tables.Select((t, i) => (What: $"table {i + 1} {t.Box}", Box: t.Box))).ToList();
        if (drawn.Legend is { } l2)
        {
            foreach (var (what, box) in occupied.Where(o => o.Box.Overlaps(l2)))
                problems.Add($"the legend {l2} overlaps {what}");
            foreach (var label in labels.Where(l => l.Text.Trim().Length > 0 && l.Overlaps(l2)))
                problems.Add($"the legend {l2} covers {label}");
        }
        foreach (var title in (drawn.Titles ?? new()).Where(t => t.Text.Trim().Length > 0))
            foreach (var (what, box) in occupied.Where(o => o.Box.Overlaps(title)))
                problems.Add($"the title {title} overlaps {what}");
        foreach (var table in tables)
            foreach (var tick in (drawn.Xticks ?? new()).Where(t => t.Overlaps(table.Box)))
                problems.Add($"tick label {tick} overlaps table {table.Box}");

        // Every table row on show: each row's first cell drawn, inside the table's area.
        foreach (var (table, i) in tables.Select((t, i) => (t, i)))
        {
            var visible = table.Cells.Where(c => c.Inside(table.Box, 2)).ToList();
            if (visible.Count < table.Rows)
                problems.Add($"table {i + 1} shows {visible.Count} of its {table.Rows} rows in {table.Box} (cells drawn: {string.Join(", ", table.Cells.Select(c => c.ToString()))})");
        }

        // Whole-number axes tick on whole numbers only.
        foreach (var axis in figure.IntegerAxes)
        {
            var ticks = labels.Where(t => t.Cls.Split(' ').Contains(axis)).Select(t => t.Text.Replace("\u2212", "-", StringComparison.Ordinal)).ToList();
            if (ticks.Count == 0)
                problems.Add($"no {axis} labels drawn");
            foreach (var tick in ticks.Where(t => !long.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
                problems.Add($"{axis} label \"{tick}\" on an axis of whole numbers");
        }
        return problems;
    }
}
