using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Tests.Kernel;

public sealed class CellRoutingTests
{
    private static (Notebook, NotebookCell) Cell(string source, string? kernel)
    {
        var notebook = Notebook.CreateNew();
        var cell = new NotebookCell(NotebookCell.CodeType, source);
        if (kernel is not null) cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        notebook.Cells.Add(cell);
        return (notebook, cell);
    }

    [Theory]
    [InlineData("1", "fsharp", "fsharp")]
    [InlineData("1", "C#", "csharp")]
    [InlineData("1", null, "csharp")]
    [InlineData("#!fsharp\n1", "csharp", "fsharp")]
    public void A_cell_goes_where_the_kernel_would_run_it(string source, string? kernel, string expected)
    {
        var (notebook, cell) = Cell(source, kernel);
        Assert.Equal(expected, CellRouting.TargetKernel(notebook, cell));
    }

    [Theory]
    [InlineData("console.log(1)", "javascript", true)]
    [InlineData("#!javascript\nconsole.log(1)", null, true)]
    [InlineData("#!js\nconsole.log(1)", "csharp", true)]
    [InlineData("// #!javascript is only mentioned", null, false)]
    [InlineData("1 + 1", "csharp", false)]
    public void Front_end_only_kernels_are_recognised_by_target_or_leading_magic(string source, string? kernel, bool needsFrontEnd)
    {
        var (notebook, cell) = Cell(source, kernel);
        Assert.Equal(needsFrontEnd, CellRouting.NeedsFrontEnd(CellRouting.TargetKernel(notebook, cell)));
    }
}
