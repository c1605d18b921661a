using NotebookRunner.Cli;
using NotebookRunner.Execution;

namespace NotebookRunner;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // The hidden worker command runs one notebook in this child process (see NotebookExecution).
        if (args.Length > 0 && args[0] == WorkerLauncher.WorkerCommand)
        {
            if (args.Length < 2) return ExitCodes.Usage;
            return WorkerHost.Run(args[1], optimize: !args.Contains("--debug"), allowErrors: args.Contains("--allow-errors"));
        }
        return await CommandLine.InvokeAsync(args);
    }
}
