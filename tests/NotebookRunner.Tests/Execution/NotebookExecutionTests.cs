using NotebookRunner.Documents;
using NotebookRunner.Execution;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Execution;

/// <summary>Each test runs real worker processes, as the CLI does.</summary>
public sealed class NotebookExecutionTests
{
    private static Task<NotebookResult> Run(string path, RunOptions? options = null) =>
        new NotebookExecution(path, Path.GetFileName(path), options ?? new RunOptions()).RunAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_notebook_runs_in_order_with_state_results_streams_and_execution_counts()
    {
        var folder = Folder();
        var path = Write(folder, "ok.ipynb",
            NotebookCell.Markdown("# Title"),
            Code("var n = 20;\nConsole.WriteLine(\"one\");\nConsole.WriteLine(\"two\");"),
            Code("n + 22"),
            Code("Console.Write(System.IO.Directory.GetCurrentDirectory());"),
            Code("Console.Write(string.Format(\"{0}\", 1.5));"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.True(result.Optimized);
        var cells = result.Executed!.Cells;
        var stream = Assert.IsType<StreamOutput>(Assert.Single(cells[1].Outputs));
        Assert.Equal("one\ntwo\n", stream.Text);
        Assert.Equal(1, cells[1].ExecutionCount);
        var value = Assert.IsType<ExecuteResultOutput>(Assert.Single(cells[2].Outputs));
        Assert.Equal(2, value.ExecutionCount);
        Assert.True(value.Data.TryGetText("text/plain", out var text) && text == "42");
        Assert.Equal(new DirectoryInfo(folder).FullName, ((StreamOutput)cells[3].Outputs[0]).Text);
        Assert.Equal("1.5", ((StreamOutput)cells[4].Outputs[0]).Text);
        Assert.Equal(path, result.InputPath);
    }

    [Fact]
    public async Task Every_cell_starts_on_the_Main_thread_even_after_a_cell_that_awaited()
    {
        var path = Write(Folder(), "await.ipynb",
            Code("await Task.Yield();\nawait Task.Delay(1);"),
            Code("System.Threading.Thread.CurrentThread.Name"));

        var result = await Run(path);

        var value = Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Executed!.Cells[1].Outputs));
        Assert.True(value.Data.TryGetText("text/plain", out var name) && name == "Main", name);
    }

    [Fact]
    public async Task Output_from_work_queued_without_the_cells_context_is_still_captured_by_the_worker()
    {
        var path = Write(Folder(), "unsafe.ipynb", Code("""
            var done = new System.Threading.ManualResetEventSlim();
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(_ => { Console.WriteLine("from the pool"); done.Set(); }, null);
            done.Wait();
            """));
        var result = await Run(path);
        Assert.Equal("from the pool\n", Assert.IsType<StreamOutput>(Assert.Single(result.Executed!.Cells[0].Outputs)).Text);
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
        Assert.Equal("System.ArgumentException", error.EName);
        Assert.Empty(result.Executed.Cells[2].Outputs);
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task The_raises_exception_tag_and_allow_errors_permit_errors_and_skip_execution_skips()
    {
        var path = Write(Folder(), "tags.ipynb",
            Code("throw new Exception(\"expected\");", "raises-exception"),
            Code("Console.WriteLine(\"skipped\");", "skip-execution"),
            Code("Console.WriteLine(\"ran\");"));
        var result = await Run(path);
        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal([CellStatus.AllowedError, CellStatus.Skipped, CellStatus.Passed], result.Cells.Select(c => c.Status));
        Assert.Empty(result.Executed!.Cells[1].Outputs);

        var untagged = Write(Folder(), "allow.ipynb", Code("throw new Exception(\"x\");"), Code("1"));
        var allowed = await Run(untagged, new RunOptions { AllowErrors = true });
        Assert.Equal(NotebookStatus.Passed, allowed.Status);
        Assert.Equal(CellStatus.Passed, allowed.Cells[1].Status);
    }

    [Fact]
    public async Task A_cell_over_its_timeout_is_killed_keeps_its_partial_output_and_fails_as_timed_out()
    {
        var path = Write(Folder(), "slow.ipynb",
            Code("Console.WriteLine(\"first\");"),
            Code("Console.WriteLine(\"started\"); System.Threading.Thread.Sleep(60_000);").WithTimeout(1.5),
            Code("1"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.TimedOut, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.TimedOut, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        var outputs = result.Executed!.Cells[1].Outputs;
        Assert.Equal("started\n", Assert.IsType<StreamOutput>(outputs[0]).Text);
        Assert.Contains("timeout of 1.5 s", Assert.IsType<ErrorOutput>(outputs[1]).EValue);
    }

    [Fact]
    public async Task The_cli_timeout_applies_when_metadata_sets_none()
    {
        var path = Write(Folder(), "slow.ipynb", Code("System.Threading.Thread.Sleep(60_000);"));
        var result = await Run(path, new RunOptions { CellTimeout = TimeSpan.FromSeconds(1) });
        Assert.Equal(NotebookStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task An_unhandled_exception_on_a_thread_crashes_only_that_notebook_and_keeps_earlier_outputs()
    {
        var path = Write(Folder(), "crash.ipynb",
            Code("Console.WriteLine(\"still here\");"),
            Code("Console.WriteLine(\"about to crash\"); new System.Threading.Thread(() => throw new InvalidOperationException(\"thread boom\")).Start(); System.Threading.Thread.Sleep(30_000);"),
            Code("1"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Crashed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Crashed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Contains("thread boom", result.Failure);
        Assert.Equal("still here\n", ((StreamOutput)result.Executed!.Cells[0].Outputs[0]).Text);
        Assert.Equal("about to crash\n", ((StreamOutput)result.Executed.Cells[1].Outputs[0]).Text);
        Assert.Equal("ProcessCrashed", ((ErrorOutput)result.Executed.Cells[1].Outputs[^1]).EName);
    }

    [Fact]
    public async Task FailFast_and_stack_overflow_are_reported_as_crashes_with_the_reason()
    {
        var failFast = await Run(Write(Folder(), "failfast.ipynb", Code("Environment.FailFast(\"giving up now\");")));
        Assert.Equal(NotebookStatus.Crashed, failFast.Status);
        Assert.Contains("giving up now", string.Join("\n", failFast.Cells[0].Traceback!));

        var overflow = await Run(Write(Folder(), "overflow.ipynb", Code("static int Down(int n) => Down(n + 1) + 1;\nDown(0)")));
        Assert.Equal(NotebookStatus.Crashed, overflow.Status);
        Assert.Contains("Stack overflow", string.Join("\n", overflow.Cells[0].Traceback!));
    }

    [Fact]
    public async Task Other_notebooks_still_run_when_one_crashes()
    {
        var folder = Folder();
        var jobs = new[]
        {
            new NotebookJob(Write(folder, "a.ipynb", Code("Environment.FailFast(\"down\");")), "a.ipynb"),
            new NotebookJob(Write(folder, "b.ipynb", Code("1")), "b.ipynb"),
        };
        var results = await SuiteRunner.RunAsync(jobs, new RunOptions { Parallelism = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([NotebookStatus.Crashed, NotebookStatus.Passed], results.Select(r => r.Status));
    }

    [Fact]
    public async Task Json_mime_types_are_stored_as_parsed_json_in_the_executed_notebook()
    {
        var path = Write(Folder(), "json.ipynb", Code("""
            using Microsoft.DotNet.Interactive.Formatting;
            class Fig { }
            Formatter.Register<Fig>(_ => "{\"data\":[{\"y\":[1,2]}]}", "application/vnd.plotly.v1+json");
            Formatter.SetPreferredMimeTypesFor(typeof(Fig), "application/vnd.plotly.v1+json", "text/plain");
            new Fig().Display();
            """));
        var result = await Run(path);
        var output = Assert.IsType<DisplayDataOutput>(Assert.Single(result.Executed!.Cells[0].Outputs));
        var json = Assert.IsType<System.Text.Json.Nodes.JsonObject>(output.Data.GetRaw("application/vnd.plotly.v1+json"));
        Assert.Equal(2, (int)json["data"]![0]!["y"]![1]!);
        Assert.Contains("\"application/vnd.plotly.v1+json\": {", NotebookWriter.Serialize(result.Executed));
    }

    [Fact]
    public async Task A_cell_in_another_kernel_fails_with_an_error_naming_it()
    {
        var cell = Code("printfn \"hi\"");
        cell.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = "fsharp" };
        var result = await Run(Write(Folder(), "fsharp.ipynb", cell));
        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Contains("cell kernel 'fsharp' is not supported", result.Failure);
    }

    [Fact]
    public async Task A_malformed_notebook_is_invalid_input_naming_the_file()
    {
        var path = Path.Combine(Folder(), "broken.ipynb");
        await File.WriteAllTextAsync(path, "{\"cells\": 3, \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", TestContext.Current.CancellationToken);
        var result = await Run(path);
        Assert.Equal(NotebookStatus.InvalidInput, result.Status);
        Assert.Contains("broken.ipynb", result.Failure);
        Assert.Contains("$.cells", result.Failure);
    }
}
