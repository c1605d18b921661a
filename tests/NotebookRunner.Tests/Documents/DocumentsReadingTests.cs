using System.Text.Json;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

/// <summary>
/// What Microsoft.DotNet.Interactive.Documents (1.0.0-beta.26120.1) reads the way Polyglot and the kernel do,
/// and where it does not. It agrees on cell ids, sources and tags, and its first-line/metadata kernel rules
/// match the kernel, so <see cref="Notebook.GetTargetKernelName"/> uses them. Our reader stays for the rest:
/// byte-exact metadata and outputs, raw cells, error paths, and the notebook's default kernel.
/// </summary>
public sealed class DocumentsReadingTests
{
    private static string Wrap(string metadata, string cells) =>
        $$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {{metadata}}, "cells": [{{cells}}]}""";

    public static TheoryData<string> NotebooksDocumentsCanRead =>
        new(Directory.GetFiles(TestFiles.Path("nbformat"), "*.ipynb").Select(Path.GetFileName).Where(f => f != "unknown-output.ipynb").Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(NotebooksDocumentsCanRead))]
    public void Documents_reads_the_same_ids_sources_and_tags_as_our_reader(string file)
    {
        var text = TestFiles.ReadText("nbformat", file);
        var ours = NotebookReader.Parse(text, file);
        var theirs = DocumentsLibrary.ParseIpynb(text);

        Assert.Equal(ours.Cells.Count, theirs.Elements.Count);
        for (var i = 0; i < ours.Cells.Count; i++)
        {
            var (cell, element) = (ours.Cells[i], theirs.Elements[i]);

            // Our reader repairs missing ids (older minor versions); Documents leaves them out.
            Assert.Equal(file.StartsWith("v4.", StringComparison.Ordinal) ? null : cell.Id, element.Id);
            Assert.Equal(cell.Source, element.Contents);
            var tags = element.Metadata is { } metadata && metadata.TryGetValue("tags", out var value) ? ((object[])value).Cast<string>() : [];
            Assert.Equal(cell.Tags, tags);
        }
    }

    [Fact]
    public void Documents_reads_a_raw_cell_as_code_for_the_default_kernel()
    {
        // Jupyter never runs raw cells; our model keeps cell_type raw and gives it no target kernel.
        var text = TestFiles.ReadText("nbformat", "jupyter-executed.ipynb");
        var ours = NotebookReader.Parse(text, "jupyter-executed.ipynb");
        var raw = ours.Cells.Single(c => c.CellType == NotebookCell.RawType);

        var element = DocumentsLibrary.ParseIpynb(text).Elements.Single(e => e.Id == raw.Id);

        Assert.Equal("csharp", element.KernelName);
        Assert.Null(ours.GetTargetKernelName(raw));
    }

    [Fact]
    public void Documents_throws_on_an_output_type_it_does_not_know_which_our_reader_keeps()
    {
        var text = TestFiles.ReadText("nbformat", "unknown-output.ipynb");

        var ex = Assert.Throws<JsonException>(() => DocumentsLibrary.ParseIpynb(text));

        Assert.Contains("Unrecognized output_type", ex.Message);
        Assert.Contains(NotebookReader.Parse(text, "unknown-output.ipynb").Cells.SelectMany(c => c.Outputs), o => o is UnknownOutput);
    }

    [Theory]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": 5}""", 0, "$.cells: expected an array, found the number 5")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "source": 5}]}""", 1, "$.cells[0].source: expected a string, found the number 5")]
    [InlineData("""{"nbformat": 3, "metadata": {}, "cells": []}""", 0, "$.nbformat: unsupported nbformat 3")]
    [InlineData("""{"metadata": {}, "cells": []}""", 0, "$.nbformat: missing")]
    public void Documents_accepts_malformed_notebooks_that_our_reader_rejects_with_a_json_path(string json, int documentsCells, string ourError)
    {
        // Read by Documents, a malformed notebook would run nothing (or an empty cell) and pass.
        Assert.Equal(documentsCells, DocumentsLibrary.ParseIpynb(json).Elements.Count);

        var ex = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(json, "bad.ipynb"));
        Assert.StartsWith($"bad.ipynb: {ourError}", ex.Message);
    }

    [Fact]
    public void Documents_reports_truncated_json_without_the_file()
    {
        const string truncated = """{"nbformat": 4, "cells": [""";

        var theirs = Assert.Throws<JsonException>(() => DocumentsLibrary.ParseIpynb(truncated));
        var ours = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(truncated, "cut.ipynb"));

        Assert.DoesNotContain("cut.ipynb", theirs.Message);
        Assert.StartsWith("cut.ipynb: $", ours.Message);
    }

    [Fact]
    public void Documents_metadata_loses_the_text_of_numbers()
    {
        var json = Wrap("{}", """{"cell_type": "code", "id": "a", "metadata": {"ratio": 2.50, "big": 1e5}, "source": "x", "outputs": [], "execution_count": null}""");

        var element = Assert.Single(DocumentsLibrary.ParseIpynb(json).Elements);

        Assert.Equal([2.5, 100000.0], new[] { element.Metadata!["ratio"], element.Metadata["big"] });
        Assert.Equal("""{"ratio":2.50,"big":1e5}""", NotebookReader.Parse(json, "n.ipynb").Cells[0].Metadata.ToJsonString());
    }

    [Theory]
    // VS Code's own shape: Documents finds no default, and gives cells without metadata no kernel.
    [InlineData("""{"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "polyglot-notebook"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "fsharp", "items": [{"aliases": [], "name": "fsharp"}]}}}""", null, null, "fsharp")]
    // A kernelspec alone: Documents takes its display language; the kernel has no kernel named "PowerShell"
    // (measured: "No handler registered on kernel PowerShell"). VS Code takes the name minus ".net-".
    [InlineData("""{"kernelspec": {"display_name": ".NET (PowerShell)", "language": "PowerShell", "name": ".net-pwsh"}}""", "PowerShell", "PowerShell", "pwsh")]
    [InlineData("""{"kernelspec": {"display_name": ".NET (F#)", "language": "F#", "name": ".net-fsharp"}}""", "F#", "fsharp", "fsharp")]
    // Where Documents agrees: the flat shape of its own Jupyter writer and the top-level kernelInfo.
    [InlineData("""{"polyglot_notebook": {"defaultKernelName": "pwsh", "items": [{"name": "pwsh"}]}}""", "pwsh", "pwsh", "pwsh")]
    [InlineData("""{"kernelInfo": {"defaultKernelName": "fsharp", "items": [{"name": "fsharp", "aliases": []}]}}""", "fsharp", "fsharp", "fsharp")]
    public void Documents_default_kernel_differs_from_polyglot_for_vs_code_and_kernelspec_metadata(
        string metadata, string? documentsDefault, string? documentsCellKernel, string ourDefault)
    {
        var json = Wrap(metadata, """{"cell_type": "code", "id": "a", "metadata": {}, "source": "1", "outputs": [], "execution_count": null}""");

        var document = DocumentsLibrary.ParseIpynb(json);
        var notebook = NotebookReader.Parse(json, "d.ipynb");

        Assert.Equal(documentsDefault, document.GetDefaultKernelName());
        Assert.Equal(documentsCellKernel, document.Elements.Single().KernelName);
        Assert.Equal(ourDefault, notebook.DefaultKernelName);
        Assert.Equal(ourDefault, notebook.GetTargetKernelName(notebook.Cells[0]));
    }

    [Fact]
    public void Documents_leaves_a_cell_that_is_only_a_kernel_line_to_its_metadata()
    {
        // The kernel routes a submission that is only "#!fsharp" to fsharp (measured: its routing slip names fsharp).
        var json = Wrap("{}", """{"cell_type": "code", "id": "a", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "source": "#!fsharp", "outputs": [], "execution_count": null}""");

        var notebook = NotebookReader.Parse(json, "b.ipynb");

        Assert.Equal("csharp", DocumentsLibrary.ParseIpynb(json).Elements.Single().KernelName);
        Assert.Equal("fsharp", notebook.GetTargetKernelName(notebook.Cells[0]));
    }
}
