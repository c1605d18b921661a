using NotebookRunner.Cli;

namespace NotebookRunner.Tests.Cli;

/// <summary>One <c>nbrun</c> invocation run in this process: its exit code and what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs <paramref name="args"/> with only <paramref name="environment"/>'s variables visible to nbrun's own
    /// settings (none by default), so CI's <c>NBRUN_REQUIRE_KERNEL=python</c> cannot change what a test sees.
    /// </summary>
    public static async Task<CliRun> InProcessAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.InvokeAsync(args, output, error, name => environment?.GetValueOrDefault(name));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
