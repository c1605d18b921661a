using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class KernelMetadataTests
{
    private static Notebook WithMetadata(string metadataJson) =>
        NotebookReader.Parse($$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {{metadataJson}}, "cells": []}""", "k.ipynb");

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp", "items": []}}, "kernelspec": {"name": ".net-csharp"}}""", "fsharp")]
    [InlineData("""{"polyglot_notebook": {"defaultKernelName": "pwsh", "items": [{"name": "pwsh"}]}}""", "pwsh")]
    [InlineData("""{"kernelInfo": {"defaultKernelName": "fsharp"}, "kernelspec": {"name": ".net-csharp"}}""", "fsharp")]
    [InlineData("""{"kernelspec": {"display_name": ".NET (F#)", "name": ".net-fsharp"}}""", "fsharp")]
    [InlineData("""{"kernelspec": {"display_name": "Python 3", "name": "python3"}, "language_info": {"name": "C#"}}""", "csharp")]
    [InlineData("""{"language_info": {"name": "polyglot-notebook"}}""", "csharp")]
    [InlineData("""{"language_info": {"name": "F#"}}""", "fsharp")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "C#"}}}""", "csharp")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": 5}, "kernelInfo": {"defaultKernelName": 3}}""", "csharp")]
    [InlineData("{}", "csharp")]
    public void Default_kernel_is_found_in_each_metadata_shape(string metadata, string expected)
    {
        Assert.Equal(expected, WithMetadata(metadata).DefaultKernelName);
    }

    [Fact]
    public void The_vs_code_and_jupyter_sample_notebooks_default_to_csharp()
    {
        Assert.Equal("csharp", NotebookReader.Read(TestFiles.Path("nbformat", "vscode-polyglot.ipynb")).DefaultKernelName);
        Assert.Equal("csharp", NotebookReader.Read(TestFiles.Path("nbformat", "jupyter-executed.ipynb")).DefaultKernelName);
        Assert.Equal("csharp", Notebook.CreateNew().DefaultKernelName);
    }

    [Fact]
    public void Cell_kernel_name_prefers_polyglot_metadata_over_the_legacy_key()
    {
        var nb = NotebookReader.Read(TestFiles.Path("nbformat", "vscode-polyglot.ipynb"));

        Assert.Null(nb.Cells[0].KernelName);
        Assert.Equal("csharp", nb.Cells[1].KernelName);
        Assert.Equal("pwsh", nb.Cells[2].KernelName);
        Assert.Equal("fsharp", nb.Cells[3].KernelName);
        Assert.Equal("csharp", NotebookCell.Code("1").KernelName);
    }

    [Fact]
    public void Cell_kernel_aliases_are_normalised()
    {
        var cell = NotebookCell.Code("1");
        cell.Metadata = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "C#" } };

        Assert.Equal("csharp", cell.KernelName);
    }
}
