using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>The outcome of running one notebook.</summary>
/// <param name="InputPath">The notebook as given.</param>
/// <param name="Name">Its path relative to the folder it was found in, for reports.</param>
/// <param name="Executed">The notebook with the new outputs (null when the input could not be read).</param>
/// <param name="Failure">One line saying why the notebook did not pass, naming the cell.</param>
/// <param name="Kernel">What ran the cells, e.g. "dotnet-interactive 1.0.712001 (pinned in …)"; null when no kernel started.</param>
public sealed record NotebookResult(
    string InputPath, string Name, NotebookStatus Status, TimeSpan Duration, IReadOnlyList<CellResult> Cells,
    Notebook? Executed, string? Failure, string? Kernel)
{
    /// <summary>True when the notebook passed.</summary>
    public bool Passed => Status == NotebookStatus.Passed;

    /// <summary>The cell that made the notebook fail, if any.</summary>
    public CellResult? FailedCell => Cells.FirstOrDefault(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Crashed);

    /// <summary>Every compiler warning of the run, as "cell 4: (1,8): warning CS8632: …".</summary>
    public IEnumerable<string> Warnings => Cells.SelectMany(c => (c.Warnings ?? []).Select(w => $"cell {c.Index}: {w}"));

    /// <summary>Cells not run because their connected kernel (e.g. <c>python</c>) is not on this machine.</summary>
    public IReadOnlyList<CellResult> UnavailableCells => [.. Cells.Where(c => c.Status == CellStatus.Unavailable)];

    /// <summary>The failures of earlier attempts of this notebook (<see cref="RunOptions.Retries"/>), first first; empty when it ran once.</summary>
    public IReadOnlyList<string> EarlierAttempts { get; init; } = [];

    /// <summary>True when the run may be worth repeating: the notebook failed in its cells, not in its input or set-up.</summary>
    public bool IsRetryable => Status is NotebookStatus.Failed or NotebookStatus.TimedOut or NotebookStatus.Crashed;

    /// <summary>Code cells that were executed (passed or errored).</summary>
    public int CellsRun => Cells.Count(c => c.Status is CellStatus.Passed or CellStatus.Failed or CellStatus.AllowedError or CellStatus.TimedOut or CellStatus.Crashed);
}
