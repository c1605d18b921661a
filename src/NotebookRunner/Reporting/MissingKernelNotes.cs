using System.Globalization;
using NotebookRunner.Execution;

namespace NotebookRunner.Reporting;

/// <summary>
/// The words every report uses for cells not run for want of a connected kernel, so that a notebook that passed
/// without its Python cells never reads like one that ran them all.
/// </summary>
public static class MissingKernelNotes
{
    /// <summary>"3 python cells not run: no 'python' kernel" (one clause per kernel, joined by "; "), or null when every cell had its kernel.</summary>
    public static string? Note(NotebookResult result)
    {
        var clauses = result.UnavailableCells.GroupBy(c => c.MissingKernel ?? "?", StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{Cells(g.Count(), g.Key)} not run: no '{g.Key}' kernel")
            .ToList();
        return clauses.Count == 0 ? null : string.Join("; ", clauses);
    }

    /// <summary>"; 5 cells not run for want of a kernel (python)" for the run's last line, or "" when there were none.</summary>
    public static string Clause(IEnumerable<NotebookResult> results)
    {
        var cells = results.SelectMany(r => r.UnavailableCells).ToList();
        if (cells.Count == 0) return "";
        var kernels = cells.Select(c => c.MissingKernel ?? "?").Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase);
        return $"; {Cells(cells.Count, null)} not run for want of a kernel ({string.Join(", ", kernels)})";
    }

    /// <summary>The kernels the cells of <paramref name="result"/> lacked, in order, e.g. "python".</summary>
    public static IReadOnlyList<string> Kernels(NotebookResult result) =>
        [.. result.UnavailableCells.Select(c => c.MissingKernel ?? "?").Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    private static string Cells(int count, string? kernel) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(kernel is null ? "" : kernel + " ")}{(count == 1 ? "cell" : "cells")}";
}
