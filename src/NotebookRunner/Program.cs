using NotebookRunner.Cli;

namespace NotebookRunner;

internal static class Program
{
    private static Task<int> Main(string[] args) => CommandLine.InvokeAsync(args);
}
