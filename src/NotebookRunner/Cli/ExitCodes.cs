using NotebookRunner.Execution;

namespace NotebookRunner.Cli;

/// <summary>The CLI's exit codes, one per class of outcome, so CI can tell a failing lesson from a broken run.</summary>
public static class ExitCodes
{
    /// <summary>Every notebook passed.</summary>
    public const int Success = 0;
    /// <summary>A notebook failed, timed out or crashed.</summary>
    public const int NotebookFailed = 1;
    /// <summary>Bad input or usage: an unreadable notebook, a missing path, a bad option.</summary>
    public const int Usage = 2;
    /// <summary>Infrastructure: the kernel tool cannot be restored or started, or a kernel died before it was ready.</summary>
    public const int Infrastructure = 3;

    /// <summary>The exit code for a finished run.</summary>
    public static int For(IReadOnlyList<NotebookResult> results) =>
        results.Any(r => r.Status == NotebookStatus.InvalidInput) ? Usage
        : results.Any(r => r.Status == NotebookStatus.InfrastructureError) ? Infrastructure
        : results.All(r => r.Passed) ? Success
        : NotebookFailed;
}
