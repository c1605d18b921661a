using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Kernel;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Execution;

/// <summary>Each test runs its notebook in a real dotnet-interactive kernel, as the CLI does.</summary>
public sealed class NotebookExecutionTests
{
    private static Task<NotebookResult> Run(string path, RunOptions? options = null, Func<Notebook, CancellationToken, Task<KernelSession>>? kernel = null) =>
        new NotebookExecution(path, Path.GetFileName(path), options ?? new RunOptions(), startKernel: kernel).RunAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Cells_run_in_order_in_one_kernel_and_their_outputs_are_saved_as_VS_Code_saves_them()
    {
        var folder = Folder();
        var path = Write(folder, "ok.ipynb",
            NotebookCell.Markdown("# Title"),
            Code("var n = 20;\nConsole.Write(\"one\\n\");\nConsole.Write(\"two\\n\");\nConsole.Error.Write(\"warn\\n\");"),
            Code("n + 22"),
            Code("Console.Write(System.IO.Directory.GetCurrentDirectory());"),
            Code("display(\"shown\"); \"returned\""));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Contains("dotnet-interactive", result.Kernel);
        var cells = result.Executed!.Cells;
        Assert.Equal([null, 1, 2, 3, 4], cells.Select(c => c.ExecutionCount));
        Assert.Equal(["stdout", "stderr"], cells[1].Outputs.Cast<StreamOutput>().Select(s => s.Name));
        Assert.Equal("one\ntwo\n", ((StreamOutput)cells[1].Outputs[0]).Text);
        // A return value is a display_data, as VS Code saves it; the kernel formats a number as HTML.
        var value = Assert.IsType<DisplayDataOutput>(Assert.Single(cells[2].Outputs));
        Assert.True(value.Data.TryGetText("text/html", out var html) && html.Contains("<pre>42</pre>"), html);
        Assert.DoesNotContain("\r", html);
        Assert.Equal(new DirectoryInfo(folder).FullName, ((StreamOutput)cells[3].Outputs[0]).Text);
        Assert.Equal(["shown", "returned"], cells[4].Outputs.Cast<DisplayDataOutput>().Select(d => d.Data.TryGetText("text/plain", out var t) ? t : null));
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.Passed, c.Status));
    }

    [Fact]
    public async Task A_display_update_replaces_the_output_it_updates_even_though_the_kernel_renames_it()
    {
        var path = Write(Folder(), "update.ipynb", Code("""
            display("header");
            var progress = display("0%");
            progress.Update("50%");
            progress.Update("100%");
            display(new { A = 1 }, "application/json");
            """));

        var result = await Run(path);

        var outputs = result.Executed!.Cells[0].Outputs.Cast<DisplayDataOutput>().ToList();
        Assert.Equal(3, outputs.Count);
        Assert.True(outputs[0].Data.TryGetText("text/plain", out var header) && header == "header");
        Assert.True(outputs[1].Data.TryGetText("text/plain", out var done) && done == "100%", done);
        // JSON MIME types are stored as parsed JSON, as nbformat and VS Code store them.
        Assert.Equal(1, (int)((JsonObject)outputs[2].Data.GetRaw("application/json")!)["A"]!);
    }

    [Fact]
    public async Task An_error_fails_the_notebook_names_the_cell_and_marks_later_cells_not_run()
    {
        var path = Write(Folder(), "fails.ipynb",
            Code("Console.WriteLine(\"before\");"),
            Code("throw new ArgumentException(\"bad value\");"),
            Code("Console.WriteLine(\"after\");"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Contains("cell 1", result.Failure);
        Assert.Contains("throw new ArgumentException", result.Failure);
        Assert.Contains("System.ArgumentException: bad value", result.Failure);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed!.Cells[1].Outputs));
        Assert.Equal("Error", error.EName);
        Assert.StartsWith("System.ArgumentException: bad value", error.EValue);
        Assert.True(error.Traceback.Count > 1);
        Assert.Empty(result.Executed.Cells[2].Outputs);
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task Compiler_warnings_are_reported_with_their_cell_but_not_written_as_outputs_as_in_VS_Code()
    {
        var path = Write(Folder(), "warns.ipynb", Code("1"), Code("string? maybe = null;\nmaybe"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("cell 1: (1,7): warning CS8632", warning);
        Assert.DoesNotContain(result.Executed!.Cells[1].Outputs, o => o is StreamOutput);
    }

    [Fact]
    public async Task A_compile_error_lists_every_diagnostic_with_its_line_and_column()
    {
        var path = Write(Folder(), "compile.ipynb", Code("int a = \"x\";\nint b = \"y\";"));

        var result = await Run(path);

        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed!.Cells[0].Outputs));
        Assert.Equal(["(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", "(2,9): error CS0029: Cannot implicitly convert type 'string' to 'int'"], error.Traceback);
        Assert.Equal(NotebookStatus.Failed, result.Status);
    }

    [Fact]
    public async Task The_raises_exception_tag_and_allow_errors_permit_errors_and_skip_execution_skips()
    {
        var path = Write(Folder(), "tags.ipynb",
            Code("throw new Exception(\"expected\");", CellPolicy.RaisesExceptionTag),
            Code("throw new Exception(\"never run\");", CellPolicy.SkipExecutionTag),
            Code("1 + 1"));
        var result = await Run(path);
        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal([CellStatus.AllowedError, CellStatus.Skipped, CellStatus.Passed], result.Cells.Select(c => c.Status));

        var untagged = Write(Folder(), "errors.ipynb", Code("throw new Exception(\"one\");"), Code("2 + 2"));
        var allowed = await Run(untagged, new RunOptions { AllowErrors = true });
        Assert.Equal(NotebookStatus.Passed, allowed.Status);
        Assert.Equal([CellStatus.AllowedError, CellStatus.Passed], allowed.Cells.Select(c => c.Status));
    }

    [Theory]
    [InlineData("var n = 0L; Console.WriteLine(\"started\"); while (true) { n++; }")]
    [InlineData("Console.WriteLine(\"started\"); System.Threading.Thread.Sleep(600_000);")]
    [InlineData("Console.WriteLine(\"started\"); await Task.Delay(-1);")]
    public async Task A_cell_over_its_timeout_is_cancelled_then_its_kernel_tree_is_killed_and_its_output_kept(string code)
    {
        var path = Write(Folder(), "hang.ipynb", Code("1"), Code(code).WithTimeout(3), Code("2"));
        KernelSession? session = null;
        var clock = Stopwatch.StartNew();

        var result = await Run(path, kernel: async (notebook, token) => session = await KernelLauncher.StartAsync(path, notebook, new RunOptions(), token));

        Assert.Equal(NotebookStatus.TimedOut, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.TimedOut, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        var outputs = result.Executed!.Cells[1].Outputs;
        Assert.Equal("started\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        var error = Assert.IsType<ErrorOutput>(outputs[^1]);
        Assert.Equal("CellTimeoutError", error.EName);
        Assert.Contains("timeout of 3 s", error.EValue);
        Assert.True(session!.HasExited, "the kernel outlived its notebook");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "a timed-out cell must not wait for its code");
    }

    [Theory]
    [InlineData("new System.Threading.Thread(() => throw new InvalidOperationException(\"thread boom\")).Start(); System.Threading.Thread.Sleep(30_000);", "thread boom")]
    [InlineData("Environment.FailFast(\"fail fast now\");", "fail fast now")]
    [InlineData("int Down(int n) => Down(n + 1) + 1; Down(0)", "Stack overflow")]
    public async Task A_kernel_that_dies_fails_only_its_notebook_with_the_reason_and_the_outputs_so_far(string code, string reason)
    {
        var path = Write(Folder(), "crash.ipynb", Code("Console.WriteLine(\"kept\");"), Code(code), Code("1"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Crashed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Crashed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal("kept\n", Assert.IsType<StreamOutput>(Assert.Single(result.Executed!.Cells[0].Outputs)).Text);
        var error = Assert.IsType<ErrorOutput>(result.Executed.Cells[1].Outputs[^1]);
        Assert.Equal("KernelDied", error.EName);
        Assert.Contains(reason, string.Join("\n", error.Traceback));
    }

    [Fact]
    public async Task Other_notebooks_still_run_when_one_crashes_and_kernels_started_ahead_are_used()
    {
        var folder = Folder();
        var jobs = new[]
        {
            new NotebookJob(Write(folder, "a.ipynb", Code("Environment.FailFast(\"down\");")), "a.ipynb"),
            new NotebookJob(Write(folder, "b.ipynb", Code("\"b ran\"")), "b.ipynb"),
            new NotebookJob(Write(folder, "c.ipynb", Code("\"c ran\"")), "c.ipynb"),
        };

        var results = await SuiteRunner.RunAsync(jobs, new RunOptions { Parallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([NotebookStatus.Crashed, NotebookStatus.Passed, NotebookStatus.Passed], results.Select(r => r.Status));
    }

    [Fact]
    public async Task A_kernel_started_ahead_compiles_its_notebooks_first_cell_without_running_it()
    {
        var folder = Folder();
        const string appendOnce = "System.IO.File.AppendAllText(\"runs.txt\", \"x\");";
        var jobs = new[]
        {
            new NotebookJob(Write(folder, "a.ipynb", Code("System.Threading.Thread.Sleep(3000);")), "a.ipynb"),
            new NotebookJob(Write(folder, "b.ipynb", Code(appendOnce), Code("System.IO.File.ReadAllText(\"runs.txt\")")), "b.ipynb"),
        };

        var results = await SuiteRunner.RunAsync(jobs, new RunOptions { Parallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(NotebookStatus.Passed, r.Status));
        var read = Assert.IsType<DisplayDataOutput>(Assert.Single(results[1].Executed!.Cells[1].Outputs));
        Assert.True(read.Data.TryGetText("text/plain", out var runs) && runs == "x", runs);
    }

    [Fact]
    public async Task Cells_go_to_their_kernel_by_metadata_or_by_a_leading_magic_line()
    {
        var fsharp = Code("let x = 6 * 7\nx");
        fsharp.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" };
        var html = Code("<b>bold</b>");
        html.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "html" };
        var path = Write(Folder(), "polyglot.ipynb", fsharp, Code("#!fsharp\nsprintf \"%d\" (x + 1)"), html, Code("#!pwsh\nWrite-Output \"from pwsh\""));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        var cells = result.Executed!.Cells;
        Assert.True(((DisplayDataOutput)cells[0].Outputs[0]).Data.TryGetText("text/html", out var fortyTwo) && fortyTwo.Contains("42"));
        Assert.True(((DisplayDataOutput)cells[1].Outputs[0]).Data.TryGetText("text/plain", out var fortyThree) && fortyThree == "43");
        Assert.True(((DisplayDataOutput)cells[2].Outputs[0]).Data.TryGetText("text/html", out var bold) && bold == "<b>bold</b>");
        Assert.Equal("from pwsh\n", ((StreamOutput)cells[3].Outputs[0]).Text);
    }

    [Theory]
    [InlineData("javascript", "console.log(1)")]
    [InlineData(null, "#!javascript\nconsole.log(1)")]
    public async Task A_javascript_cell_fails_at_once_saying_it_needs_a_browser_front_end(string? kernel, string code)
    {
        var cell = Code(code);
        if (kernel is not null) cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        var path = Write(Folder(), "js.ipynb", cell);

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("browser front end", result.Failure);
        Assert.True(result.Cells[0].Duration < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cell_for_a_kernel_that_does_not_exist_names_it()
    {
        var cell = Code("1 + 1");
        cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "cobol" };
        var path = Write(Folder(), "unknown.ipynb", cell);

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("no subkernel named 'cobol'", result.Failure);
        Assert.Contains("csharp", result.Failure);
    }

    [Fact]
    public async Task Text_a_cell_writes_to_the_processes_real_stdout_is_kept_as_that_cells_output()
    {
        var path = Write(Folder(), "raw.ipynb", Code("""
            var raw = Console.OpenStandardOutput();
            raw.Write("written around the protocol\n"u8);
            raw.Flush();
            """));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal("written around the protocol\n", Assert.IsType<StreamOutput>(Assert.Single(result.Executed!.Cells[0].Outputs)).Text);
    }

    [Fact]
    public async Task A_malformed_notebook_is_invalid_input_naming_the_file()
    {
        var path = Path.Combine(Folder(), "broken.ipynb");
        await File.WriteAllTextAsync(path, "{\"cells\": [", TestContext.Current.CancellationToken);
        var result = await Run(path);
        Assert.Equal(NotebookStatus.InvalidInput, result.Status);
        Assert.Contains("broken.ipynb", result.Failure);
    }

    [Fact]
    public async Task A_kernel_that_dies_before_it_is_ready_is_an_infrastructure_failure_with_its_stderr()
    {
        var path = Write(Folder(), "never.ipynb", Code("1"));
        var broken = new KernelTool("/bin/sh", ["-c", "echo 'no runtime here' >&2; exit 7"], "a broken kernel");

        var result = await Run(path, kernel: (_, token) => KernelSession.StartAsync(broken, Path.GetDirectoryName(path)!, "csharp", TimeSpan.FromSeconds(30), cancellationToken: token));

        Assert.Equal(NotebookStatus.InfrastructureError, result.Status);
        Assert.Contains("exited with code 7 before it was ready", result.Failure);
        Assert.Contains("no runtime here", result.Failure);
    }
}
