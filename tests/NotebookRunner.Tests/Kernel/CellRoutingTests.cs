using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Tests.Kernel;

public sealed class CellRoutingTests
{
    private static NotebookCell Cell(string source, string? kernel)
    {
        var cell = new NotebookCell(NotebookCell.CodeType, source);
        if (kernel is not null) cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        return cell;
    }

    [Theory]
    [InlineData("fsharp", "csharp", "fsharp")]
    [InlineData("C#", "fsharp", "csharp")]
    [InlineData(null, "pwsh", "pwsh")]
    public void A_cell_goes_to_its_metadata_kernel_else_the_notebook_default(string? kernel, string notebookDefault, string expected) =>
        Assert.Equal(expected, CellRouting.TargetKernel(Cell("1", kernel), notebookDefault));

    [Theory]
    [InlineData("console.log(1)", "javascript", "javascript")]
    [InlineData("#!javascript\nconsole.log(1)", null, "javascript")]
    [InlineData("\n  #!js\nconsole.log(1)", "csharp", "js")]
    [InlineData("#!fsharp\n1", null, null)]
    [InlineData("// #!javascript is only mentioned", null, null)]
    [InlineData("1 + 1", "csharp", null)]
    public void Front_end_only_kernels_are_recognised_by_target_or_leading_magic(string source, string? kernel, string? expected) =>
        Assert.Equal(expected, CellRouting.FrontEndKernel(Cell(source, kernel), "csharp"));
}
