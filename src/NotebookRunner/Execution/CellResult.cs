namespace NotebookRunner.Execution;

/// <summary>One cell's part in a run, as reports show it.</summary>
/// <param name="Index">Position in the notebook, from 0.</param>
/// <param name="Id">The nbformat cell id.</param>
/// <param name="FirstLine">The first non-blank line of its source, for names in reports.</param>
/// <param name="Error">For a failed, timed-out or crashed cell: "ename: evalue".</param>
/// <param name="Traceback">For such a cell, the traceback lines.</param>
/// <param name="Warnings">Compiler warnings the kernel reported for the cell ("(1,8): warning CS8632: …"). VS Code
/// shows them as squiggles, not outputs, so they are not in the executed notebook; reports list them.</param>
/// <param name="MissingKernel">For an <see cref="CellStatus.Unavailable"/> cell, or one failed because a required kernel
/// is missing: the connected kernel this machine lacks (e.g. "python").</param>
public sealed record CellResult(
    int Index, string Id, string FirstLine, CellStatus Status, TimeSpan Duration, int? ExecutionCount,
    string? Error = null, IReadOnlyList<string>? Traceback = null, IReadOnlyList<string>? Warnings = null,
    string? MissingKernel = null)
{
    /// <summary>"cell 4 (id 1a2b3c4d: `var x = 1;`)", the way failures name a cell.</summary>
    public string Describe() => $"cell {Index} (id {Id}: `{FirstLine}`)";
}
