namespace NotebookRunner.Execution;

/// <summary>Options of a run, as the CLI's flags set them.</summary>
public sealed record RunOptions
{
    /// <summary>Per-cell timeout when neither the cell's nor the notebook's metadata sets one (<c>execution.timeout</c>, seconds).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Every cell may raise (<c>--allow-errors</c>).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>Compile Debug as Polyglot Notebooks does (<c>--debug</c>); Release otherwise.</summary>
    public bool Debug { get; init; }

    /// <summary>How many notebooks run at once (<c>-j</c>).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a worker may take to start before its first cell counts as timed out.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
