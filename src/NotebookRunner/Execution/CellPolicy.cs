using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>The tests-as-cells conventions nbclient users know, read from a cell's tags.</summary>
internal static class CellPolicy
{
    public const string RaisesExceptionTag = "raises-exception";
    public const string SkipExecutionTag = "skip-execution";

    public static bool ShouldSkip(NotebookCell cell) => cell.Tags.Contains(SkipExecutionTag);

    public static bool MayRaise(NotebookCell cell, bool allowErrors) => allowErrors || cell.Tags.Contains(RaisesExceptionTag);

    /// <summary>Code cells that have something to run (nbclient skips blank cells too).</summary>
    public static bool IsRunnable(NotebookCell cell) => cell.IsCode && !string.IsNullOrWhiteSpace(cell.Source);
}
