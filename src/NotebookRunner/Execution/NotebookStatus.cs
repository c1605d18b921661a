namespace NotebookRunner.Execution;

/// <summary>How a whole notebook run ended; also decides the CLI's exit code.</summary>
public enum NotebookStatus
{
    /// <summary>Every executed cell passed or raised an allowed error.</summary>
    Passed,
    /// <summary>A cell raised an error it was not allowed to.</summary>
    Failed,
    /// <summary>A cell exceeded its timeout.</summary>
    TimedOut,
    /// <summary>The notebook process died.</summary>
    Crashed,
    /// <summary>A package restore failed (exit code 3).</summary>
    InfrastructureError,
    /// <summary>The file is not a readable notebook (exit code 2).</summary>
    InvalidInput,
}
