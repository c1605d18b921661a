namespace NotebookRunner.Execution;

/// <summary>How one cell of a run ended.</summary>
public enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Passed,
    /// <summary>Raised an error it was not allowed to raise; the notebook fails here.</summary>
    Failed,
    /// <summary>Raised an error that its <c>raises-exception</c> tag or <c>--allow-errors</c> permits.</summary>
    AllowedError,
    /// <summary>Tagged <c>skip-execution</c>, or not code, or blank: not executed; stale outputs are kept.</summary>
    Skipped,
    /// <summary>Not reached because an earlier cell failed, timed out or crashed the process.</summary>
    NotRun,
    /// <summary>Exceeded its timeout; the notebook process was killed.</summary>
    TimedOut,
    /// <summary>Running when the notebook process died (unhandled exception on a thread, FailFast, stack overflow).</summary>
    Crashed,
    /// <summary>
    /// Its kernel is a connected one (e.g. Python through <c>#!connect jupyter</c>) that this machine does not have:
    /// not run, and said so in its output; the notebook still passes unless <c>--require-kernel</c> names the kernel.
    /// </summary>
    Unavailable,
}
