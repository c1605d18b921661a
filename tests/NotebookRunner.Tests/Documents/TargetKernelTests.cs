using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

/// <summary>
/// Which kernel a cell is sent to (<see cref="Notebook.GetTargetKernelName"/>). Where these name the real
/// kernel's behaviour, it was measured with dotnet-interactive 1.0.712001 over stdio (SubmitCode with a
/// targetKernelName and the code below; the routing slip of the result names the kernel that ran it).
/// </summary>
public sealed class TargetKernelTests
{
    private static Notebook Notebook(string metadata, params (string Source, string CellMetadata)[] cells)
    {
        var json = string.Join(",", cells.Select((c, i) =>
            $$"""{"cell_type": "code", "id": "c{{i}}", "metadata": {{c.CellMetadata}}, "source": {{System.Text.Json.JsonSerializer.Serialize(c.Source)}}, "outputs": [], "execution_count": null}"""));
        return NotebookReader.Parse($$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {{metadata}}, "cells": [{{json}}]}""", "t.ipynb");
    }

    private static string? TargetOf(string source, string cellMetadata = "{}", string notebookMetadata = "{}")
    {
        var notebook = Notebook(notebookMetadata, (source, cellMetadata));
        return notebook.GetTargetKernelName(notebook.Cells[0]);
    }

    private const string CSharpCell = """{"polyglot_notebook": {"kernelName": "csharp"}}""";

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelName": "fsharp"}, "dotnet_interactive": {"language": "pwsh"}}""", "fsharp")]
    [InlineData("""{"dotnet_interactive": {"language": "pwsh"}}""", "pwsh")]
    [InlineData("""{"polyglot_notebook": {"kernelName": "C#"}}""", "csharp")]
    [InlineData("""{"polyglot_notebook": {"kernelName": "python"}}""", "python")]
    [InlineData("""{"polyglot_notebook": {"kernelName": 5}, "dotnet_interactive": {"language": "fsharp"}}""", "fsharp")]
    public void Cell_metadata_names_the_kernel(string cellMetadata, string expected)
    {
        Assert.Equal(expected, TargetOf("x", cellMetadata));
    }

    [Theory]
    // Real kernel: target csharp, "#!fsharp\nlet v = ..." ran in fsharp; target fsharp, "#!csharp\nvar x = 40 + 2;\nx" ran in csharp.
    [InlineData("#!fsharp\nlet x = 1", CSharpCell, "fsharp")]
    [InlineData("#!csharp\nvar x = 1;", """{"polyglot_notebook": {"kernelName": "fsharp"}}""", "csharp")]
    // Aliases the kernel lists in KernelReady: c#/C# (csharp), f#/F# (fsharp), powershell (pwsh); "#!c#" ran in csharp.
    [InlineData("#!c#\nvar x = 1;", """{"polyglot_notebook": {"kernelName": "fsharp"}}""", "csharp")]
    [InlineData("#!C#\nx", "{}", "csharp")]
    [InlineData("#!f#\nx", CSharpCell, "fsharp")]
    [InlineData("#!F#\nx", CSharpCell, "fsharp")]
    [InlineData("#!powershell\nGet-Date", CSharpCell, "pwsh")]
    [InlineData("#!pwsh\r\nGet-Date", CSharpCell, "pwsh")]
    [InlineData("#!html\n<b>x</b>", CSharpCell, "html")]
    [InlineData("#!javascript\nalert(1)", CSharpCell, "javascript")]
    [InlineData("#!js\nalert(1)", CSharpCell, "javascript")]
    // "#!fsharp " (trailing space) ran in fsharp.
    [InlineData("#!fsharp \nlet w = 5", CSharpCell, "fsharp")]
    // A cell that is only the line: the kernel routed "#!fsharp" to fsharp; Documents alone says otherwise (see DocumentsReadingTests).
    [InlineData("#!fsharp", CSharpCell, "fsharp")]
    public void A_first_line_naming_a_kernel_wins_over_metadata(string source, string cellMetadata, string expected)
    {
        Assert.Equal(expected, TargetOf(source, cellMetadata));
    }

    [Theory]
    // Magic commands and names the kernel does not know as kernels ("#!cs" is not an alias) leave the choice to metadata.
    [InlineData("#!time\nThread.Sleep(1);")]
    [InlineData("#!cs\nx")]
    [InlineData("#!CSHARP\nx")]
    [InlineData("// #!fsharp\nx")]
    [InlineData("x\n#!fsharp\nlet y = 1")]
    public void Other_first_lines_do_not_choose_the_kernel(string source)
    {
        Assert.Equal("pwsh", TargetOf(source, """{"polyglot_notebook": {"kernelName": "pwsh"}}"""));
    }

    [Theory]
    [InlineData("""{"kernelspec": {"name": ".net-csharp", "language": "C#", "display_name": ".NET (C#)"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp", "items": []}}}""", "fsharp")]
    [InlineData("""{"kernelspec": {"name": ".net-pwsh", "language": "PowerShell", "display_name": ".NET (PowerShell)"}}""", "pwsh")]
    [InlineData("""{"polyglot_notebook": {"defaultKernelName": "fsharp"}}""", "fsharp")]
    [InlineData("{}", "csharp")]
    public void Cells_without_a_choice_go_to_the_notebook_default(string notebookMetadata, string expected)
    {
        Assert.Equal(expected, TargetOf("1 + 1", "{}", notebookMetadata));
    }

    [Fact]
    public void A_kernel_the_notebook_lists_is_recognised_on_a_first_line()
    {
        // VS Code saves every kernel of the session, e.g. one made by "#!connect jupyter --kernel-name python".
        const string metadata = """{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"name": "csharp", "aliases": []}, {"name": "python", "aliases": ["py", "py", "python"]}, {"aliases": []}, {"name": "clash", "aliases": ["c#"]}]}}}""";

        Assert.Equal("python", TargetOf("#!python\nprint(1)", "{}", metadata));
        Assert.Equal("python", TargetOf("#!py\nprint(1)", "{}", metadata));
        Assert.Equal("csharp", TargetOf("#!clash\nx", "{}", metadata));
        Assert.Equal("csharp", TargetOf("#!c#\nx", "{}", metadata));
    }

    [Theory]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "#odd", "items": [{"name": "#odd"}, {"name": "ok", "aliases": [" ", "", "#x", "ok2", "ok2"]}, {"name": 5}, 7]}}}""", "#odd")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "   ", "items": "none"}}, "kernelspec": {"name": ".net-fsharp"}}""", "fsharp")]
    public void Odd_notebook_metadata_does_not_upset_the_resolution(string notebookMetadata, string expected)
    {
        Assert.Equal(expected, TargetOf("1", "{}", notebookMetadata));
        Assert.Equal("ok", TargetOf("#!ok2\n1", "{}", notebookMetadata.Contains("ok2") ? notebookMetadata : """{"polyglot_notebook": {"kernelInfo": {"items": [{"name": "ok", "aliases": ["ok2"]}]}}}"""));
    }

    [Fact]
    public void Deeply_nested_cell_metadata_is_not_given_to_documents()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\": ", 200)) + "1" + new string('}', 200);

        Assert.Equal("fsharp", TargetOf("x", $$$"""{"polyglot_notebook": {"kernelName": "fsharp", "deep": {{{deep}}}}}"""));
    }

    [Fact]
    public void Markdown_and_raw_cells_have_no_target()
    {
        var notebook = NotebookReader.Parse(
            """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "id": "m", "source": "#!csharp\nx"}, {"cell_type": "raw", "id": "r", "source": "x"}]}""",
            "t.ipynb");

        Assert.All(notebook.Cells, c => Assert.Null(notebook.GetTargetKernelName(c)));
    }

    [Fact]
    public void The_sample_notebooks_resolve_as_polyglot_would()
    {
        var vscode = NotebookReader.Read(TestFiles.Path("nbformat", "vscode-polyglot.ipynb"));
        Assert.Equal([null, "csharp", "pwsh", "fsharp", "csharp"], vscode.Cells.Select(vscode.GetTargetKernelName));

        var jupyter = NotebookReader.Read(TestFiles.Path("nbformat", "jupyter-executed.ipynb"));
        Assert.All(jupyter.Cells.Where(c => c.IsCode), c => Assert.Equal("csharp", jupyter.GetTargetKernelName(c)));
    }
}
