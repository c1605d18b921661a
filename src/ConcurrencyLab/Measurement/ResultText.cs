using ConcurrencyLab.Rendering;
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

    /// <summary>"warning: …" then "note: …" lines of each timing, prefixed with its label when there are several.</summary>
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
        foreach (var (label, result) in list)
            foreach (string note in result.BudgetNotes)
                yield return "note: " + Prefix(label) + note;
    }

    private static string Prefix(string? label) => label is null ? "" : label + ": ";
}
