namespace NotebookRunner.Reporting;

// The file is named Html* because the HTML report owns this record (the runner builds one per notebook).

/// <summary>One notebook's result as the HTML report shows it (a row of the index and a page header).</summary>
/// <param name="NotebookName">The notebook's display name, e.g. its path relative to the run root.</param>
/// <param name="HtmlFileName">The file name of its report page, relative to the index.</param>
/// <param name="Status"><c>passed</c>, <c>failed</c>, <c>timed out</c> or <c>crashed</c>.</param>
/// <param name="Duration">Wall time of the notebook's run.</param>
/// <param name="CellsRun">How many code cells ran.</param>
/// <param name="CellCount">How many cells the notebook has.</param>
/// <param name="FailureSummary">One line saying what failed and where; null when it passed.</param>
/// <param name="Note">What a reader must know even when it passed, e.g. "3 python cells not run: no 'python' kernel"; null when nothing.</param>
public sealed record ReportEntry(
    string NotebookName,
    string HtmlFileName,
    string Status,
    TimeSpan Duration,
    int CellsRun,
    int CellCount,
    string? FailureSummary,
    string? Note = null);
