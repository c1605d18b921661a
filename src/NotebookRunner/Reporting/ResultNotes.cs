using System.Globalization;
using NotebookRunner.Execution;

namespace NotebookRunner.Reporting;

/// <summary>
/// The note every report puts beside a notebook's status: cells not run for want of a kernel
/// (<see cref="MissingKernelNotes"/>) and the earlier attempts of a retried notebook, so that neither reads like a clean pass.
/// </summary>
public static class ResultNotes
{
    /// <summary>Every clause that applies, joined by "; ", or null when the notebook ran once with every kernel.</summary>
    public static string? Note(NotebookResult result)
    {
        string[] clauses = [.. new[] { MissingKernelNotes.Note(result), RetryNote(result) }.OfType<string>()];
        return clauses.Length == 0 ? null : string.Join("; ", clauses);
    }

    /// <summary>"passed on attempt 2 (attempt 1: cell 4 …)", or null when the notebook ran once.</summary>
    public static string? RetryNote(NotebookResult result) => result.EarlierAttempts.Count == 0
        ? null
        : $"{(result.Passed ? "passed" : "ended")} on attempt {(result.EarlierAttempts.Count + 1).ToString(CultureInfo.InvariantCulture)} " +
          $"({string.Join("; ", result.EarlierAttempts)})";
}
