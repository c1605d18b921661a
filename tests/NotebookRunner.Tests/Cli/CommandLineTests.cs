using System.Xml.Linq;
using NotebookRunner.Cli;
using NotebookRunner.Documents;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Cli;

public sealed class CommandLineTests
{
    private static Task<CliRun> Nbrun(params string[] args) => CliRun.InProcessAsync(args);

    [Fact]
    public async Task Passing_notebooks_exit_0_write_the_executed_copy_and_leave_the_input_untouched()
    {
        var folder = Folder();
        var input = Write(folder, "hello.ipynb", Code("Console.WriteLine(\"hi\");"));
        var before = await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken);
        var outDir = Path.Combine(folder, "out");

        var run = await Nbrun("run", input, "--output", outDir, "-j", "1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(before, await File.ReadAllBytesAsync(input, TestContext.Current.CancellationToken));
        var executed = NotebookReader.Read(Path.Combine(outDir, "hello.ipynb"));
        Assert.Equal("hi\n", Assert.IsType<StreamOutput>(Assert.Single(executed.Cells[0].Outputs)).Text);
        Assert.Contains("PASS hello.ipynb", run.Output);
        Assert.Contains("1 passed, 0 failed", run.Output);
    }

    [Fact]
    public async Task A_failing_notebook_exits_1_and_junit_names_the_cell_and_error()
    {
        var folder = Folder();
        Write(folder, "good.ipynb", Code("1"));
        Write(folder, "bad.ipynb", Code("var x = 1;"), Code("throw new InvalidOperationException(\"nope\");"));
        var junit = Path.Combine(folder, "reports", "junit.xml");

        var run = await Nbrun("run", folder, "--junit", junit);

        Assert.Equal(ExitCodes.NotebookFailed, run.ExitCode);
        var report = XDocument.Load(junit);
        var cases = report.Descendants("testcase").ToList();
        Assert.Equal(["bad.ipynb", "good.ipynb"], cases.Select(c => (string)c.Attribute("name")!));
        var failure = Assert.Single(report.Descendants("failure"));
        Assert.Contains("cell 1", (string)failure.Attribute("message")!);
        Assert.Contains("throw new InvalidOperationException", (string)failure.Attribute("message")!);
        Assert.Contains("System.InvalidOperationException: nope", (string)failure.Attribute("message")!);
        Assert.Equal("1", (string)report.Root!.Attribute("failures")!);
        Assert.Contains("FAILED bad.ipynb", run.Output);
    }

    [Fact]
    public async Task A_malformed_notebook_exits_2_with_one_line_naming_file_and_json_path_and_runs_nothing()
    {
        var folder = Folder();
        var good = Write(folder, "good.ipynb", Code("1"));
        var bad = Path.Combine(folder, "bad.ipynb");
        await File.WriteAllTextAsync(bad, "{\"cells\": [{\"cell_type\": \"code\", \"source\": 7}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", TestContext.Current.CancellationToken);
        var outDir = Path.Combine(folder, "out");

        var run = await Nbrun("run", good, bad, "--output", outDir);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.ipynb", line);
        Assert.Contains("$.cells[0].source", line);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("-j", "0")]
    [InlineData("--timeout", "-1")]
    [InlineData("--no-such-option")]
    public async Task Bad_options_exit_2(params string[] options)
    {
        var input = Write(Folder(), "a.ipynb", Code("1"));
        var run = await Nbrun(["run", input, .. options]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_missing_path_exits_2_naming_it()
    {
        var run = await Nbrun("run", "/no/such/notebook.ipynb");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("/no/such/notebook.ipynb", run.Error);
    }

    [Fact]
    public async Task Inplace_writes_the_outputs_into_the_input_and_html_writes_pages_and_an_index()
    {
        var folder = Folder();
        var input = Write(folder, "page.ipynb", NotebookCell.Markdown("# Heading"), Code("\"<b>bold</b>\""));
        var html = Path.Combine(folder, "html");

        var run = await Nbrun("run", input, "--inplace", "--html", html);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotEmpty(NotebookReader.Read(input).Cells[1].Outputs);
        var index = await File.ReadAllTextAsync(Path.Combine(html, "index.html"), TestContext.Current.CancellationToken);
        Assert.Contains("page.html", index);
        var page = await File.ReadAllTextAsync(Path.Combine(html, "page.html"), TestContext.Current.CancellationToken);
        Assert.Contains("Heading", page);
    }

    [Fact]
    public async Task A_dib_notebook_runs_and_is_written_as_the_ipynb_polyglot_would_save()
    {
        var folder = Folder();
        var dib = Path.Combine(folder, "notes.dib");
        await File.WriteAllTextAsync(dib, "#!markdown\n\n# Notes\n\n#!csharp\n\nvar x = 6 * 7;\n\n#!fsharp\n\nsprintf \"%d\" 43\n\n#!csharp\n\nx\n", TestContext.Current.CancellationToken);
        var before = await File.ReadAllTextAsync(dib, TestContext.Current.CancellationToken);
        var outDir = Path.Combine(Folder(), "out");

        var run = await Nbrun("run", dib, "--output", outDir);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(dib, TestContext.Current.CancellationToken));
        var executed = NotebookReader.Read(Path.Combine(outDir, "notes.ipynb"));
        Assert.Equal(["markdown", "code", "code", "code"], executed.Cells.Select(c => c.CellType));
        Assert.True(((DisplayDataOutput)executed.Cells[2].Outputs[0]).Data.TryGetText("text/plain", out var fsharp) && fsharp == "43");
        Assert.True(((DisplayDataOutput)executed.Cells[3].Outputs[0]).Data.TryGetText("text/html", out var csharp) && csharp.Contains("42"));
    }

    [Fact]
    public async Task A_kernel_tool_that_cannot_be_restored_exits_3_naming_the_manifest_and_runs_nothing()
    {
        var folder = Folder();
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        var manifest = Path.Combine(folder, ".config", "dotnet-tools.json");
        await File.WriteAllTextAsync(manifest, """
            {"version": 1, "isRoot": true, "tools": {"microsoft.dotnet-interactive": {"version": "0.0.1-nbrun-test-missing", "commands": ["dotnet-interactive"]}}}
            """, TestContext.Current.CancellationToken);
        var input = Write(folder, "a.ipynb", Code("1"));
        var outDir = Path.Combine(folder, "out");

        var run = await Nbrun("run", input, "--output", outDir);

        Assert.Equal(ExitCodes.Infrastructure, run.ExitCode);
        Assert.Contains("dotnet tool restore", run.Error);
        Assert.Contains(manifest, run.Error);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_shard_runs_its_part_of_the_series_and_an_empty_part_passes()
    {
        var folder = Folder();
        foreach (var name in new[] { "a", "b", "c" }) Write(folder, $"{name}.ipynb", Code($"\"{name}\""));
        var outDir = Path.Combine(Folder(), "out");

        var run = await Nbrun("run", folder, "--shard", "2/2", "--output", outDir);
        var empty = await Nbrun("run", folder, "--shard", "4/4");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["b.ipynb"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.Contains("shard 2/2 runs 1 of 3", run.Output);
        Assert.Equal(ExitCodes.Success, empty.ExitCode);
        Assert.Contains("shard 4/4 runs 0 of 3", empty.Output);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    public async Task A_bad_shard_exits_2_saying_what_is_expected(string shard)
    {
        var input = Write(Folder(), "a.ipynb", Code("1"));
        var run = await Nbrun("run", input, "--shard", shard);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--shard must be i/n", run.Error);
    }
}
