namespace NotebookRunner.Execution;

/// <summary>Options of a run, as the CLI's flags set them.</summary>
public sealed record RunOptions
{
    /// <summary>Per-cell timeout when neither the cell's nor the notebook's metadata sets one (<c>execution.timeout</c>, seconds).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Every cell may raise (<c>--allow-errors</c>).</summary>
    public bool AllowErrors { get; init; }

    /// <summary>How many notebooks run at once (<c>-j</c>).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a kernel may take to start and warm up before the run counts it as unavailable.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Start each notebook's kernel while earlier notebooks still run (on by default; <c>--no-prestart</c>).</summary>
    public bool Prestart { get; init; } = true;

    /// <summary>
    /// Connected kernels (e.g. <c>python</c>) whose absence fails a notebook rather than leaving its cells
    /// <see cref="CellStatus.Unavailable"/> (<c>--require-kernel</c>, else <c>NBRUN_REQUIRE_KERNEL</c>; see <see cref="Execution.RequiredKernels"/>).
    /// Names and aliases, compared ignoring case.
    /// </summary>
    public IReadOnlySet<string> RequiredKernels { get; init; } = Execution.RequiredKernels.None;

    /// <summary>
    /// How many times a notebook that failed, timed out or crashed is run again from the start in a new kernel
    /// (<c>--retries</c>, else <c>NBRUN_RETRIES</c>; 0 by default). A retried notebook's result says so, with the
    /// earlier attempts' failures, so a flaky notebook never reads like a clean pass.
    /// </summary>
    public int Retries { get; init; }
}
