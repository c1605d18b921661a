using System.Xml.Linq;
using NotebookRunner.Cli;
using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Tests.Documents;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Cli;

/// <summary>
/// A notebook with Python cells on a machine without a Python kernel: what every report of <c>nbrun run</c> says,
/// and how <c>--require-kernel</c> / <c>NBRUN_REQUIRE_KERNEL</c> turn those cells into a failure.
/// </summary>
public sealed class RequireKernelTests
{
    private static readonly Dictionary<string, string> RequirePython = new() { [RequiredKernels.EnvironmentVariable] = "python" };

    /// <summary>A passing C# cell, two Python cells no cell connects a kernel for, and a C# cell after them.</summary>
    private static string PythonNotebook(string folder) => WriteDeclaring(folder, "py.ipynb", ["python"],
        Code("var n = 1;"), CodeIn("python", "print(1)"), Code("#!python\nprint(2)"), Code("n + 1"));

    [Fact]
    public async Task Cells_without_their_kernel_pass_and_the_progress_summary_junit_and_html_all_say_they_did_not_run()
    {
        var folder = Folder();
        var input = PythonNotebook(folder);
        var outDir = Path.Combine(folder, "out");
        var junit = Path.Combine(folder, "junit.xml");
        var html = Path.Combine(folder, "html");

        var run = await CliRun.InProcessAsync(["run", input, "--output", outDir, "--junit", junit, "--html", html]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // Progress: a line for each cell passed over, and the notebook's line says how many.
        Assert.Contains("py.ipynb cell 1: not run, no 'python' kernel on this machine", run.Output);
        Assert.Contains("py.ipynb cell 2: not run, no 'python' kernel on this machine", run.Output);
        Assert.Contains("PASS py.ipynb in", run.Output);
        Assert.Contains("(2 python cells not run: no 'python' kernel)", run.Output);
        // Summary table and last line.
        Assert.Matches(@"py\.ipynb\s+passed\s+2/4\s+\S+ s\s+2 python cells not run: no 'python' kernel", run.Output);
        Assert.Contains("1 passed, 0 failed; 2 cells not run for want of a kernel (python) in", run.Output);

        var testCase = Assert.Single(XDocument.Load(junit).Descendants("testcase"));
        Assert.Empty(testCase.Elements("failure"));
        var property = Assert.Single(testCase.Elements("properties").Elements("property"));
        Assert.Equal(("kernels-unavailable", "python"), ((string)property.Attribute("name")!, (string)property.Attribute("value")!));
        var systemOut = (string)testCase.Element("system-out")!;
        Assert.Contains("2 not run for want of a kernel", systemOut);
        Assert.Contains("2 python cells not run: no 'python' kernel (cell 1 (id ", systemOut);

        var index = await File.ReadAllTextAsync(Path.Combine(html, "index.html"), TestContext.Current.CancellationToken);
        var page = await File.ReadAllTextAsync(Path.Combine(html, "py.html"), TestContext.Current.CancellationToken);
        foreach (var report in new[] { index, page })
            Assert.Contains("<div class=\"note\">2 python cells not run: no &#39;python&#39; kernel</div>", report);
        Assert.Contains("Not run: no &#39;python&#39; kernel on this machine (nbrun).", page);

        var written = await File.ReadAllTextAsync(Path.Combine(outDir, "py.ipynb"), TestContext.Current.CancellationToken);
        var (valid, nbformat) = PythonNbformat.Validate(written);
        Assert.True(valid, nbformat);
        var cell = NotebookReader.Parse(written, "py.ipynb").Cells[1];
        Assert.Null(cell.ExecutionCount);
        Assert.StartsWith("Not run: no 'python' kernel", Assert.IsType<StreamOutput>(Assert.Single(cell.Outputs)).Text);
    }

    [Theory]
    [InlineData(false, "--require-kernel", "python")]
    [InlineData(false, "--require-kernel", "r,python")]
    [InlineData(false, "--require-kernel", "r", "--require-kernel", "PYTHON")]
    [InlineData(true)] // NBRUN_REQUIRE_KERNEL=python, no option
    public async Task A_required_kernel_that_is_missing_fails_the_notebook_naming_the_cell_the_kernel_and_the_fix(bool fromEnvironment, params string[] options)
    {
        var folder = Folder();
        var input = PythonNotebook(folder);
        var junit = Path.Combine(folder, "junit.xml");

        var run = await CliRun.InProcessAsync(["run", input, "--junit", junit, .. options], fromEnvironment ? RequirePython : null);

        Assert.Equal(ExitCodes.NotebookFailed, run.ExitCode);
        Assert.Contains("required kernels:", run.Output);
        Assert.Contains("0 passed, 1 failed in", run.Output);
        var failure = (string)Assert.Single(XDocument.Load(junit).Descendants("failure")).Attribute("message")!;
        Assert.Contains("cell 1 (id ", failure);
        Assert.Contains("'python' kernel", failure);
        Assert.Contains("MissingKernelError", failure);
        var system = (string)Assert.Single(XDocument.Load(junit).Descendants("system-out"));
        Assert.Contains("1 failed, 2 not run", system);
    }

    [Fact]
    public async Task The_option_replaces_the_environment_variable_and_an_empty_variable_requires_nothing()
    {
        var input = PythonNotebook(Folder());

        var option = await CliRun.InProcessAsync(["run", input, "--require-kernel", "r"], RequirePython);
        var empty = await CliRun.InProcessAsync(["run", input], new Dictionary<string, string> { [RequiredKernels.EnvironmentVariable] = " " });

        Assert.Equal(ExitCodes.Success, option.ExitCode);
        Assert.Equal(ExitCodes.Success, empty.ExitCode);
        Assert.Contains("2 cells not run for want of a kernel (python)", empty.Output);
    }

    [Theory]
    [InlineData("", "--require-kernel needs kernel names")]
    [InlineData("python,", "--require-kernel needs kernel names")]
    [InlineData("python,,r", "--require-kernel needs kernel names")]
    [InlineData("my kernel", "'my kernel' is not a kernel name")]
    [InlineData("#!python", "'#!python' is not a kernel name")]
    public async Task A_bad_kernel_name_exits_2_naming_the_option(string value, string message)
    {
        var input = Write(Folder(), "a.ipynb", Code("1"));

        var run = await CliRun.InProcessAsync(["run", input, "--require-kernel", value]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_bad_environment_variable_or_a_missing_value_exits_2_naming_it()
    {
        var input = Write(Folder(), "a.ipynb", Code("1"));

        var variable = await CliRun.InProcessAsync(["run", input], new Dictionary<string, string> { [RequiredKernels.EnvironmentVariable] = "python,,r" });
        var noValue = await CliRun.InProcessAsync(["run", input, "--require-kernel"]);

        Assert.Equal(ExitCodes.Usage, variable.ExitCode);
        Assert.Contains("the environment variable NBRUN_REQUIRE_KERNEL needs kernel names", variable.Error);
        Assert.Equal(ExitCodes.Usage, noValue.ExitCode);
        Assert.Contains("--require-kernel", noValue.Error);
    }

    [Fact]
    public async Task Help_describes_the_option_and_its_environment_variable()
    {
        var run = await CliRun.InProcessAsync(["run", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--require-kernel <NAME>", run.Output);
        Assert.Contains("NBRUN_REQUIRE_KERNEL", run.Output);
    }
}
