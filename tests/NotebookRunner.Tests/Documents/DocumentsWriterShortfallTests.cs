using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using NotebookRunner.Documents;
using Xunit;
using JupyterFormat = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook;

namespace NotebookRunner.Tests.Documents;

/// <summary>
/// Why nbrun writes notebooks with its own <see cref="NotebookWriter"/> rather than Documents'
/// <c>Notebook.ToJupyterJson</c> (Microsoft.DotNet.Interactive.Documents 1.0.0-beta.26120.1): each test shows
/// one thing Documents' writer does that an executed notebook cannot afford, beside what ours does.
/// </summary>
public sealed class DocumentsWriterShortfallTests
{
    private static string WithDisplayData(string mimeType, string value) =>
        $$$"""
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
         {"cell_type": "code", "id": "chart", "metadata": {}, "source": "chart", "execution_count": 1,
          "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/plain": ["a chart"], "{{{mimeType}}}": {{{value}}}}}]}]}
        """;

    [Theory]
    [InlineData("application/json", """{"threads": 4, "busy": [0.5, 0.25]}""")]
    [InlineData("application/vnd.plotly.v1+json", """{"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {"title": {"text": "t"}}}""")]
    public void ToJupyterJson_throws_on_an_output_whose_data_is_a_json_object(string mimeType, string value)
    {
        var json = WithDisplayData(mimeType, value);

        var ex = Assert.Throws<ArgumentException>(() => JupyterFormat.ToJupyterJson(DocumentsLibrary.ParseIpynb(json), "csharp"));
        Assert.Contains("Expected IEnumerable<string> but received System.Collections.Generic.Dictionary", ex.Message);

        // Ours writes the JSON as JSON, as nbformat does.
        var written = NotebookWriter.Serialize(NotebookReader.Parse(json, "chart.ipynb"));
        Assert.True(PythonNbformat.Validate(written).Valid);
        var kept = NotebookReader.Parse(written, "w.ipynb").Cells[0].Outputs.OfType<DisplayDataOutput>().Single().Data.GetRaw(mimeType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(value), kept), kept?.ToJsonString());
    }

    [Fact]
    public void ToJupyterJson_cannot_write_a_notebook_nbformat_wrote_with_json_outputs()
    {
        var text = TestFiles.ReadText("nbformat", "jupyter-executed.ipynb");

        Assert.Throws<ArgumentException>(() => JupyterFormat.ToJupyterJson(DocumentsLibrary.ParseIpynb(text), "csharp"));
        NbformatReferenceTests.AssertSameText(text, NotebookWriter.Serialize(NotebookReader.Parse(text, "jupyter-executed.ipynb")));
    }

    [Fact]
    public void ToJupyterJson_writes_elements_without_ids_as_4_5_which_nbformat_rejects()
    {
        var dib = TestFiles.ReadText("dib", "polyglot.dib");
        var document = CodeSubmission.Parse(dib, PolyglotKernels.Create("csharp"));

        var theirs = JupyterFormat.ToJupyterJson(document, "csharp");

        Assert.All(document.Elements, e => Assert.Null(e.Id));
        Assert.Contains("\"nbformat_minor\": 5", theirs);
        Assert.DoesNotContain("\"id\"", theirs);
        var (valid, report) = PythonNbformat.Validate(theirs);
        Assert.False(valid);
        Assert.Contains("missing an id field", report);

        var (oursValid, oursReport) = PythonNbformat.Validate(NotebookWriter.Serialize(NotebookReader.ParseDib(dib, "polyglot.dib")));
        Assert.True(oursValid, oursReport);
    }

    [Fact]
    public void ToJupyterJson_adds_dotnet_interactive_language_to_cells()
    {
        var json = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
             {"cell_type": "code", "id": "a", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "source": "1", "outputs": [], "execution_count": null}]}
            """;

        var theirs = JupyterFormat.ToJupyterJson(DocumentsLibrary.ParseIpynb(json), "csharp");

        Assert.Contains("\"dotnet_interactive\"", theirs);
        Assert.Contains("\"language\": \"csharp\"", theirs);
        Assert.DoesNotContain("dotnet_interactive", NotebookWriter.Serialize(NotebookReader.Parse(json, "a.ipynb")));
    }

    [Fact]
    public void GetDefaultKernelName_finds_none_for_an_ipynb_whose_metadata_says_csharp()
    {
        // VS Code's file: kernelspec .net-csharp and polyglot_notebook.kernelInfo.defaultKernelName "csharp".
        var text = TestFiles.ReadText("nbformat", "vscode-polyglot.ipynb");

        Assert.Null(DocumentsLibrary.ParseIpynb(text).GetDefaultKernelName());
        Assert.Equal("csharp", NotebookReader.Parse(text, "vscode-polyglot.ipynb").DefaultKernelName);
    }

    [Fact]
    public void ToJupyterJson_throws_on_vs_code_notebook_metadata()
    {
        // VS Code's nested polyglot_notebook.kernelInfo is not the KernelInfoCollection Documents' writer expects.
        var text = TestFiles.ReadText("nbformat", "vscode-polyglot.ipynb");

        Assert.Throws<InvalidCastException>(() => JupyterFormat.ToJupyterJson(DocumentsLibrary.ParseIpynb(text), "csharp"));
        NbformatReferenceTests.AssertSameText(text, NotebookWriter.Serialize(NotebookReader.Parse(text, "vscode-polyglot.ipynb")));
    }

    [Fact]
    public void ToJupyterJson_does_not_write_the_bytes_nbformat_writes()
    {
        // A notebook Documents can write (no JSON outputs): nbformat escapes control characters as \u000b and
        // splits text at every line break Python's splitlines knows; Documents writes \u000B and splits at \n only.
        var text = TestFiles.ReadText("nbformat", "tricky-text.ipynb");

        var theirs = JupyterFormat.ToJupyterJson(DocumentsLibrary.ParseIpynb(text), "csharp");

        Assert.Contains("\\u000b", text);
        Assert.DoesNotContain("\\u000b", theirs);
        Assert.Contains("\\u000B", theirs);
        Assert.NotEqual(text, theirs + "\n");
        NbformatReferenceTests.AssertSameText(text, NotebookWriter.Serialize(NotebookReader.Parse(text, "tricky-text.ipynb")));
    }
}
