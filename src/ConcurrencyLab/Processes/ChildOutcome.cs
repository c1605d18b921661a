namespace ConcurrencyLab.Processes;

/// <summary>How a child process ended.</summary>
public enum ChildOutcome
{
    /// <summary>The program returned from Main (or called Environment.Exit) with an exit code.</summary>
    Exited,

    /// <summary>The process was ended by a signal, e.g. SIGABRT when the runtime aborts on an unhandled exception.</summary>
    Killed,

    /// <summary>The process was still running at the timeout and was killed by us.</summary>
    TimedOut,
}
