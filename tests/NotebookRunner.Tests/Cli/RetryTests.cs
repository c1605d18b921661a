using NotebookRunner.Cli;
using NotebookRunner.Execution;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Cli;

/// <summary>
/// <c>--retries</c> / <c>NBRUN_RETRIES</c>: a failed notebook runs again from the start in a new kernel, and every
/// report says which attempt passed and why the earlier ones failed.
/// </summary>
public sealed class RetryTests
{
    /// <summary>Fails the first time it runs (it leaves a marker file), passes every time after.</summary>
    private static string FlakyNotebook(string folder)
    {
        var marker = Path.Combine(folder, "ran-once").Replace("\\", "\\\\");
        return Write(folder, "flaky.ipynb",
            Code("var started = 1;"),
            Code($$"""
                if (!System.IO.File.Exists("{{marker}}")) { System.IO.File.WriteAllText("{{marker}}", ""); throw new System.Exception("first attempt fails"); }
                "second attempt passes"
                """),
            Code("started + 1"));
    }

    [Fact]
    public async Task A_notebook_that_fails_once_passes_on_its_second_attempt_and_says_so()
    {
        var folder = Folder();
        var run = await CliRun.InProcessAsync(["run", FlakyNotebook(folder), "--output", Path.Combine(folder, "out"), "--retries", "1"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("passed on attempt 2 (attempt 1: cell 1", run.Output);
        Assert.Contains("first attempt fails", run.Output);
        Assert.Contains("1 passed, 0 failed", run.Output);
    }

    [Fact]
    public async Task Without_retries_the_same_notebook_fails()
    {
        var folder = Folder();
        var run = await CliRun.InProcessAsync(["run", FlakyNotebook(folder), "--output", Path.Combine(folder, "out")]);

        Assert.Equal(ExitCodes.NotebookFailed, run.ExitCode);
        Assert.DoesNotContain("on attempt", run.Output);
    }

    [Fact]
    public async Task A_notebook_that_always_fails_fails_after_its_retries_naming_each_attempt()
    {
        var folder = Folder();
        var input = Write(folder, "broken.ipynb", Code("throw new System.Exception(\"always\");"));

        var html = Path.Combine(folder, "html");
        var run = await CliRun.InProcessAsync(["run", input, "--output", Path.Combine(folder, "out"), "--html", html],
            new Dictionary<string, string> { [RetryCount.EnvironmentVariable] = "2" });

        Assert.Equal(ExitCodes.NotebookFailed, run.ExitCode);
        // The terminal table wraps long notes; the report's index keeps them on one line.
        var index = await File.ReadAllTextAsync(Path.Combine(html, "index.html"), TestContext.Current.CancellationToken);
        Assert.Contains("ended on attempt 3 (attempt 1: cell 0", index);
        Assert.Contains("; attempt 2: cell 0", index);
    }

    [Theory]
    [InlineData("--retries", "-1")]
    [InlineData("--retries", "6")]
    public async Task A_retry_count_out_of_range_is_a_usage_error_naming_the_option(string option, string value)
    {
        var folder = Folder();
        var run = await CliRun.InProcessAsync(["run", Write(folder, "a.ipynb", Code("1")), option, value]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--retries must be a whole number from 0 to 5", run.Error);
    }

    [Fact]
    public async Task A_retry_variable_that_is_not_a_number_is_a_usage_error_naming_the_variable()
    {
        var folder = Folder();
        var run = await CliRun.InProcessAsync(["run", Write(folder, "a.ipynb", Code("1"))],
            new Dictionary<string, string> { [RetryCount.EnvironmentVariable] = "once" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("the environment variable NBRUN_RETRIES must be a whole number from 0 to 5; got 'once'", run.Error);
    }
}
