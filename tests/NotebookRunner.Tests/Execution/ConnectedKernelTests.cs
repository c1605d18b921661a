using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Reporting;
using NotebookRunner.Tests.Documents;
using static NotebookRunner.Tests.Execution.TestNotebook;

namespace NotebookRunner.Tests.Execution;

/// <summary>
/// Python cells beside C#: a notebook's setup cell connects ipykernel only where a <c>python3</c> kernelspec exists,
/// so on a machine with only the .NET SDK the notebook's <c>python</c> kernel never appears. Each test runs its
/// notebook in the real kernel.
/// </summary>
public sealed class ConnectedKernelTests
{
    // What the notebooks' setup cell does where there is no kernelspec: it says so, and connects nothing.
    private const string SetupWithoutPython = "Console.WriteLine(\"no python3 kernelspec: not running #!connect jupyter --kernel-name python --kernel-spec python3\");";

    private static Task<NotebookResult> Run(string path, RunOptions? options = null) =>
        new NotebookExecution(path, Path.GetFileName(path), options ?? new RunOptions()).RunAsync(TestContext.Current.CancellationToken);

    private static RunOptions Requiring(params string[] kernels) => new() { RequiredKernels = RequiredKernels.Parse(kernels, "test") };

    [Fact]
    public async Task Cells_of_a_declared_kernel_that_was_never_connected_are_not_run_and_say_so_and_the_notebook_passes()
    {
        var stale = CodeIn("python", "print('from python')");
        stale.ExecutionCount = 9;
        stale.Outputs.Add(new StreamOutput(StreamOutput.StdOut, "output of an older run\n"));
        var path = WriteDeclaring(Folder(), "py.ipynb", ["python"],
            Code(SetupWithoutPython), stale, Code("#!python\nx = 1\nx"), Code("\"after\""));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Unavailable, CellStatus.Unavailable, CellStatus.Passed], result.Cells.Select(c => c.Status));
        Assert.All(result.UnavailableCells, c => Assert.Equal("python", c.MissingKernel));
        var cells = result.Executed!.Cells;
        foreach (var cell in cells.Skip(1).Take(2))
        {
            Assert.Null(cell.ExecutionCount);
            var note = Assert.IsType<StreamOutput>(Assert.Single(cell.Outputs));
            Assert.Equal(StreamOutput.StdErr, note.Name);
            Assert.StartsWith("Not run: no 'python' kernel on this machine (nbrun).", note.Text);
            // It says how to get the kernel, from the notebook's own connect line.
            Assert.Contains("cell 0 connects one when a 'python3' Jupyter kernelspec is installed", note.Text);
            Assert.Contains("apt-get install python3-ipykernel", note.Text);
        }
        // The C# cells still count 1, 2: a cell never sent takes no execution count.
        Assert.Equal([1, null, null, 2], cells.Select(c => c.ExecutionCount));
        Assert.Equal("2 python cells not run: no 'python' kernel", MissingKernelNotes.Note(result));
        Assert.Equal(2, result.CellsRun);
        var (valid, report) = PythonNbformat.Validate(NotebookWriter.Serialize(result.Executed));
        Assert.True(valid, report);
    }

    [Fact]
    public async Task A_dib_notebook_declares_its_connected_kernel_in_its_meta_block()
    {
        var path = Path.Combine(Folder(), "py.dib");
        await File.WriteAllTextAsync(path, """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"},{"aliases":[],"languageName":"python","name":"python"}]}}

            #!csharp

            var n = 1;

            #!python

            print('from python')

            #!csharp

            n + 1
            """, TestContext.Current.CancellationToken);

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Unavailable, CellStatus.Passed], result.Cells.Select(c => c.Status));
        var note = Assert.IsType<StreamOutput>(Assert.Single(result.Executed!.Cells[1].Outputs));
        // No cell connects it: the note says so rather than inventing a setup cell.
        Assert.Contains("lists 'python' as a python kernel that a cell connects at run time when this machine has one; a Python Jupyter kernel comes with ipykernel: `apt-get install python3-ipykernel`", note.Text);
    }

    [Fact]
    public async Task A_required_kernel_that_is_missing_fails_the_notebook_at_its_first_cell_whatever_the_cell_may_raise()
    {
        var path = WriteDeclaring(Folder(), "py.ipynb", ["python"],
            Code(SetupWithoutPython), CodeIn("python", "print(1)", CellPolicy.RaisesExceptionTag), Code("#!python\nprint(2)"), Code("\"after\""));

        var result = await Run(path, Requiring("python") with { AllowErrors = true });

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.NotRun, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Equal(result.Cells[1], result.FailedCell);
        Assert.StartsWith("cell 1 (id ", result.Failure);
        Assert.Contains("'python' kernel", result.Failure);
        Assert.Contains("--require-kernel", result.Failure);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed!.Cells[1].Outputs));
        Assert.Equal("MissingKernelError", error.EName);
        Assert.Contains("apt-get install python3-ipykernel", error.EValue);
        Assert.All(result.Executed.Cells.Skip(2), c => Assert.Empty(c.Outputs));
        Assert.Empty(result.UnavailableCells);
    }

    [Fact]
    public async Task A_required_kernel_is_matched_by_an_alias_the_notebook_gives_it()
    {
        var path = WriteDeclaring(Folder(), "py.ipynb", [], Code(SetupWithoutPython), CodeIn("python", "print(1)"));
        var notebook = NotebookReader.Read(path);
        var items = (System.Text.Json.Nodes.JsonArray)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]!;
        items.Add(PolyglotMetadata.Item("python", ["py"], "python"));
        NotebookWriter.WriteAtomic(notebook, path);

        var result = await Run(path, Requiring("py"));

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal(CellStatus.Failed, result.Cells[1].Status);
    }

    [Theory]
    [InlineData("ruby", new[] { "python" })] // the notebook connects python, but this cell names a kernel nobody declared
    [InlineData("python", new string[0])]    // python, in a notebook that never said it connects one
    public async Task A_cell_for_a_kernel_the_notebook_does_not_declare_is_still_an_error_naming_it(string kernel, string[] declared)
    {
        var path = WriteDeclaring(Folder(), "unknown.ipynb", declared, Code("1"), CodeIn(kernel, "print(1)"), Code("2"));

        var result = await Run(path);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal([CellStatus.Passed, CellStatus.Failed, CellStatus.NotRun], result.Cells.Select(c => c.Status));
        Assert.Contains($"no subkernel named '{kernel}'", result.Failure);
    }

    [Fact]
    public async Task Python_cells_run_once_a_cell_connects_ipykernel_and_the_python_kernel_ends_with_the_run()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        Assert.SkipUnless(PythonKernelspecExists(), "no python3 Jupyter kernelspec here: apt-get install python3-ipykernel");
        var path = WriteDeclaring(Folder(), "py.ipynb", ["python"],
            Code("#!connect jupyter --kernel-name python --kernel-spec python3"),
            CodeIn("python", "import os, sys\nprint(os.getpid())\nprint('ipykernel' in ' '.join(sys.argv))"),
            Code("#!python\nsum([1, 2, 3])"),
            Code("\"after\""));

        var result = await Run(path, Requiring("python"));

        Assert.True(result.Passed, result.Failure);
        Assert.All(result.Cells, c => Assert.Equal(CellStatus.Passed, c.Status));
        var cells = result.Executed!.Cells;
        var printed = Assert.IsType<StreamOutput>(Assert.Single(cells[1].Outputs)).Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("True", printed[1]);
        Assert.True(Assert.IsType<DisplayDataOutput>(Assert.Single(cells[2].Outputs)).Data.TryGetText("text/plain", out var six) && six == "6", six);
        Assert.Null(MissingKernelNotes.Note(result));

        // The kernel's process tree went with the notebook, ipykernel included.
        var python = int.Parse(printed[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Empty(await LinuxProcesses.SurvivorsAfterAsync([python], TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
    }

    /// <summary>A <c>python3</c> kernelspec where Jupyter looks (Debian's python3-ipykernel puts it in /usr/share).</summary>
    internal static bool PythonKernelspecExists() =>
        new[] { "/usr/share/jupyter", "/usr/local/share/jupyter", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local/share/jupyter") }
            .Any(root => File.Exists(Path.Combine(root, "kernels", "python3", "kernel.json")));
}
