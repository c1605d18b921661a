using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using Xunit;

namespace NotebookRunner.Tests.Documents;

public sealed class NotebookReaderTests
{
    private static Notebook Parse(string json) => NotebookReader.Parse(json, "t.ipynb");

    private static string Wrap(string cells, string extra = "") =>
        $$"""{"nbformat": 4, "nbformat_minor": 5, "metadata": {}{{extra}}, "cells": [{{cells}}]}""";

    [Fact]
    public void Source_as_string_or_line_array_is_joined()
    {
        var nb = Parse(Wrap("""
            {"cell_type": "code", "id": "a", "source": "x = 1\ny", "metadata": {}, "outputs": [], "execution_count": null},
            {"cell_type": "code", "id": "b", "source": ["x = 1\n", "y"], "metadata": {}, "outputs": [], "execution_count": null}
            """));

        Assert.Equal("x = 1\ny", nb.Cells[0].Source);
        Assert.Equal("x = 1\ny", nb.Cells[1].Source);
    }

    [Fact]
    public void Cells_without_metadata_outputs_execution_count_or_source_are_tolerated()
    {
        var nb = Parse(Wrap("""{"cell_type": "code", "id": "a"}, {"cell_type": "markdown"}"""));

        Assert.Empty(nb.Cells[0].Metadata);
        Assert.Empty(nb.Cells[0].Outputs);
        Assert.Null(nb.Cells[0].ExecutionCount);
        Assert.Equal("", nb.Cells[0].Source);
        Assert.Matches("^[0-9a-f]{8}$", nb.Cells[1].Id);
    }

    [Fact]
    public void Missing_ids_are_generated_unique_and_duplicate_or_invalid_ones_repaired()
    {
        var nb = Parse(Wrap("""
            {"cell_type": "code", "id": "same"}, {"cell_type": "code", "id": "same"},
            {"cell_type": "code", "id": "has space"}, {"cell_type": "code"}, {"cell_type": "code", "id": ""}
            """));

        Assert.Equal("same", nb.Cells[0].Id);
        Assert.NotEqual("same", nb.Cells[1].Id);
        Assert.All(nb.Cells.Skip(1), c => Assert.Matches("^[0-9a-f]{8}$", c.Id));
        Assert.Equal(nb.Cells.Count, nb.Cells.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Unknown_metadata_cell_keys_and_output_types_are_preserved()
    {
        var nb = Parse(Wrap(
            """
            {"cell_type": "code", "id": "a", "metadata": {"mine": {"deep": [1, 2.50]}}, "execution_count": 3,
             "outputs": [{"output_type": "hologram", "payload": {"n": 1e5}}], "future_key": {"x": true}}
            """,
            extra: """, "extra_top": 1"""));

        var cell = nb.Cells[0];
        Assert.Equal("""{"deep":[1,2.50]}""", cell.Metadata["mine"]!.ToJsonString());
        Assert.Equal("true", cell.ExtraProperties["future_key"]!["x"]!.ToJsonString());
        var unknown = Assert.IsType<UnknownOutput>(Assert.Single(cell.Outputs));
        Assert.Equal("hologram", unknown.OutputType);
        Assert.Equal("""{"output_type":"hologram","payload":{"n":1e5}}""", unknown.Raw.ToJsonString());
        Assert.Equal(3, cell.ExecutionCount);
    }

    [Fact]
    public void Outputs_are_parsed_into_typed_objects()
    {
        var nb = Parse(Wrap("""
            {"cell_type": "code", "id": "a", "execution_count": 2, "outputs": [
              {"output_type": "stream", "name": "stderr", "text": ["a\n", "b"]},
              {"output_type": "display_data", "data": {"text/plain": ["x\n", "y"], "application/json": {"k": [1]}, "application/vnd.x+json": ["not", "joined"]}, "metadata": {}},
              {"output_type": "execute_result", "execution_count": 2, "data": {"text/html": "<b>hi</b>"}, "metadata": {"m": 1}},
              {"output_type": "error", "ename": "E", "evalue": "V", "traceback": ["t1", "t2"]}
            ]}
            """));

        var outputs = nb.Cells[0].Outputs;
        var stream = Assert.IsType<StreamOutput>(outputs[0]);
        Assert.Equal(("stderr", "a\nb"), (stream.Name, stream.Text));
        var display = Assert.IsType<DisplayDataOutput>(outputs[1]);
        Assert.True(display.Data.TryGetText("text/plain", out var plain));
        Assert.Equal("x\ny", plain);
        Assert.IsType<JsonObject>(display.Data.GetRaw("application/json"));
        Assert.IsType<JsonArray>(display.Data.GetRaw("application/vnd.x+json"));
        var result = Assert.IsType<ExecuteResultOutput>(outputs[2]);
        Assert.Equal(2, result.ExecutionCount);
        Assert.Equal(1, result.Metadata["m"]!.GetValue<int>());
        var error = Assert.IsType<ErrorOutput>(outputs[3]);
        Assert.Equal(("E", "V"), (error.EName, error.EValue));
        Assert.Equal(["t1", "t2"], error.Traceback);
    }

    [Fact]
    public void Outputs_and_execution_count_on_markdown_cells_are_dropped()
    {
        var nb = Parse(Wrap("""{"cell_type": "markdown", "id": "m", "source": "x", "outputs": [], "execution_count": 1}"""));

        Assert.Empty(nb.Cells[0].ExtraProperties);
        Assert.DoesNotContain("outputs", NotebookWriter.Serialize(nb));
    }

    [Fact]
    public void Tags_come_from_metadata()
    {
        var nb = Parse(Wrap("""{"cell_type": "code", "id": "a", "metadata": {"tags": ["raises-exception", 5, "skip-execution"]}}"""));

        Assert.Equal(["raises-exception", "skip-execution"], nb.Cells[0].Tags);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        var ex = Assert.Throws<NotebookFormatException>(() => Parse("{\n \"nbformat\": 4,\n \"cells\": [,]\n}"));

        Assert.Equal("t.ipynb", ex.FileName);
        Assert.StartsWith("t.ipynb: $", ex.Message);
        Assert.Contains("invalid JSON at line 3", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Duplicate_keys_are_reported_instead_of_crashing()
    {
        var ex = Assert.Throws<NotebookFormatException>(() => Parse("""{"nbformat": 4, "metadata": {"a": 1, "a": 2}, "cells": []}"""));

        Assert.StartsWith("t.ipynb: $", ex.Message);
        Assert.Contains("invalid JSON", ex.Message);
        Assert.Contains("'a'", ex.Message);
    }

    [Fact]
    public void Empty_or_non_object_documents_are_rejected()
    {
        Assert.Contains("invalid JSON", Assert.Throws<NotebookFormatException>(() => Parse("")).Message);
        Assert.Equal("t.ipynb: $: expected a JSON object (a notebook), found an array",
            Assert.Throws<NotebookFormatException>(() => Parse("[]")).Message);
    }

    [Theory]
    [InlineData("""{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "cells": []}""", "t.ipynb: $.nbformat: unsupported nbformat 3: only nbformat 4 (4.0–4.5) is supported")]
    [InlineData("""{"nbformat_minor": 0, "metadata": {}, "cells": []}""", "t.ipynb: $.nbformat: missing")]
    [InlineData("""{"nbformat": "4", "metadata": {}, "cells": []}""", "t.ipynb: $.nbformat: expected an integer, found a string")]
    [InlineData("""{"nbformat": 4, "metadata": {}}""", "t.ipynb: $.cells: missing")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": {}}""", "t.ipynb: $.cells: expected an array, found an object")]
    [InlineData("""{"nbformat": 4, "metadata": [], "cells": []}""", "t.ipynb: $.metadata: expected an object, found an array")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [1]}""", "t.ipynb: $.cells[0]: expected a cell object, found the number 1")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"source": ""}]}""", "t.ipynb: $.cells[0].cell_type: missing")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code"}, {"cell_type": "code", "source": 42}]}""", "t.ipynb: $.cells[1].source: expected a string, found the number 42")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "source": ["a", null]}]}""", "t.ipynb: $.cells[0].source[1]: expected a string, found null")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "metadata": 1}]}""", "t.ipynb: $.cells[0].metadata: expected an object, found the number 1")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "execution_count": 1.5}]}""", "t.ipynb: $.cells[0].execution_count: expected an integer, found the number 1.5")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "outputs": {}}]}""", "t.ipynb: $.cells[0].outputs: expected an array, found an object")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "outputs": [{}]}]}""", "t.ipynb: $.cells[0].outputs[0].output_type: missing")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "outputs": [{"output_type": "stream", "name": "stdout", "text": [1]}]}]}""", "t.ipynb: $.cells[0].outputs[0].text[0]: expected a string, found the number 1")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "outputs": [{"output_type": "display_data", "data": []}]}]}""", "t.ipynb: $.cells[0].outputs[0].data: expected an object keyed by MIME type, found an array")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "outputs": [{"output_type": "error", "traceback": "x"}]}]}""", "t.ipynb: $.cells[0].outputs[0].traceback: expected an array of strings, found a string")]
    [InlineData("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "id": 7}]}""", "t.ipynb: $.cells[0].id: expected a string, found the number 7")]
    public void Wrong_shapes_are_reported_with_their_json_path(string json, string expectedMessage)
    {
        var ex = Assert.Throws<NotebookFormatException>(() => Parse(json));

        Assert.Equal(expectedMessage, ex.Message);
    }

    [Fact]
    public void Read_uses_the_path_in_messages_and_accepts_a_utf8_bom()
    {
        var dir = Directory.CreateTempSubdirectory("nbread");
        try
        {
            var good = Path.Combine(dir.FullName, "good.ipynb");
            File.WriteAllText(good, Wrap("""{"cell_type": "markdown", "id": "m", "source": "é"}"""), new System.Text.UTF8Encoding(true));
            Assert.Equal("é", NotebookReader.Read(good).Cells[0].Source);

            var bad = Path.Combine(dir.FullName, "bad.ipynb");
            File.WriteAllText(bad, """{"nbformat": 4, "metadata": {}, "cells": "no"}""");
            var ex = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(bad));
            Assert.Equal($"{bad}: $.cells: expected an array, found a string", ex.Message);
            Assert.Equal("$.cells", ex.JsonPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
