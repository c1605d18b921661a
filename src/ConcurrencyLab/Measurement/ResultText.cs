using ConcurrencyLab.Rendering;
using System.Globalization;
using System.Text;

namespace ConcurrencyLab.Measurement;

/// <summary>The plain text shared by the results: table, then remarks, one per line.</summary>
internal static class ResultText
{
    public static string Plain(ITabularDisplayable result)
    {
        var text = new StringBuilder(result.Table().ToString());
        foreach (string remark in result.Remarks()) text.AppendLine().Append(remark);
        return text.ToString();
    }

    /// <summary>
    /// "warning: …" lines of each timing (a warning they all share said once), then at most one short "note:" line
    /// saying what the budget cut, across all timings: the details are in each result's BudgetNotes and in the
    /// table's Loops × Repeats column, so a table of eight alternatives does not carry eight notes.
    /// </summary>
    public static IEnumerable<string> Remarks(IEnumerable<(string? Label, TimingResult Result)> timings)
    {
        var list = timings.ToList();
        // A warning every timing shares (e.g. Debug-compiled code) is said once, not once per row.
        var shared = list.Count > 1
            ? list.Select(t => t.Result.Warnings).Aggregate((a, b) => a.Intersect(b).ToList()).ToHashSet()
            : new HashSet<string>();
        foreach (string warning in shared)
            yield return "warning: all: " + warning;
        foreach (var (label, result) in list)
            foreach (string warning in result.Warnings.Where(w => !shared.Contains(w)))
                yield return "warning: " + Prefix(label) + warning;
        if (BudgetLine(list) is { } budget)
            yield return budget;
    }

    /// <summary>"note: the 2 s budget cut repeats short of 0.2 s (all) and ran 3–5 of 7 repeats (2 of 4)."; null when nothing was cut.</summary>
    internal static string? BudgetLine(IReadOnlyList<(string? Label, TimingResult Result)> timings)
    {
        var cut = timings.Where(t => t.Result.BudgetCut).ToList();
        if (cut.Count == 0) return null;
        var c = CultureInfo.InvariantCulture;
        string Which(int count) => timings.Count == 1 ? "" : count == timings.Count ? " (all)" : string.Format(c, " ({0} of {1})", count, timings.Count);
        var parts = new List<string>();
        var single = cut.Where(t => t.Result.Repeats == 1 && t.Result.Loops == 1).ToList();
        var shortRepeats = cut.Where(t => t.Result.LoopsCut).ToList();
        var fewer = cut.Where(t => t.Result.RepeatsCut && !single.Contains(t)).ToList();
        if (shortRepeats.Count > 0)
            parts.Add(string.Format(c, "cut repeats short of {0:0.###} s{1}",
                shortRepeats.Max(t => t.Result.Options.MinRepeatTime.TotalSeconds), Which(shortRepeats.Count)));
        if (fewer.Count > 0)
        {
            int low = fewer.Min(t => t.Result.Repeats), high = fewer.Max(t => t.Result.Repeats);
            parts.Add(string.Format(c, "ran {0} of {1} repeats{2}", low == high ? low.ToString(c) : $"{low}–{high}",
                fewer.Max(t => t.Result.RequestedRepeats), Which(fewer.Count)));
        }
        if (single.Count > 0)
            parts.Add(string.Format(c, "left time for one call only, JIT included{0}", single.Count == timings.Count ? Which(single.Count)
                : " (" + string.Join(", ", single.Select(t => t.Label ?? "the code")) + ")"));
        // Shared budgets were split equally, so the slices add up to the budget the caller gave.
        return string.Format(c, "note: the {0:0.###} s budget {1}; a larger {2} gives steadier numbers.",
            timings.Sum(t => t.Result.Budget.TotalSeconds), string.Join(", ", parts), cut[0].Result.Options.BudgetSettingName);
    }

    private static string Prefix(string? label) => label is null ? "" : label + ": ";
}
