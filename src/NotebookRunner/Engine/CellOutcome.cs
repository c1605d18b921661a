namespace NotebookRunner.Engine;

/// <summary>How one submitted cell ended.</summary>
/// <param name="ExecutionCount">The count this execution was given (as in <c>In [n]</c>).</param>
/// <param name="Error">The error the cell raised, or null when it succeeded.</param>
/// <param name="Elapsed">Wall time of the cell, directives and package restore included.</param>
public sealed record CellOutcome(int ExecutionCount, ErrorEvent? Error, TimeSpan Elapsed)
{
    /// <summary>True when the cell raised no error.</summary>
    public bool Succeeded => Error is null;
}
