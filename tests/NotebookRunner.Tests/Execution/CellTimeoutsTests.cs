using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

namespace NotebookRunner.Tests.Execution;

public sealed class CellTimeoutsTests
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(120);

    private static (Notebook, NotebookCell) Notebook(JsonNode? cellTimeout, JsonNode? notebookTimeout)
    {
        var notebook = NotebookRunner.Documents.Notebook.CreateNew();
        var cell = NotebookCell.Code("1");
        if (cellTimeout is not null) cell.Metadata["execution"] = new JsonObject { ["timeout"] = cellTimeout };
        if (notebookTimeout is not null) notebook.Metadata["execution"] = new JsonObject { ["timeout"] = notebookTimeout };
        notebook.Cells.Add(cell);
        return (notebook, cell);
    }

    [Fact]
    public void A_cell_timeout_beats_the_notebooks_which_beats_the_command_lines()
    {
        var (both, bothCell) = Notebook("30", 60);
        var (notebookOnly, notebookCell) = Notebook(null, 60);
        var (none, noneCell) = Notebook(null, null);

        Assert.Equal(TimeSpan.FromSeconds(30), CellTimeouts.For(both, bothCell, Fallback, "a.ipynb"));
        Assert.Equal(TimeSpan.FromSeconds(60), CellTimeouts.For(notebookOnly, notebookCell, Fallback, "a.ipynb"));
        Assert.Equal(Fallback, CellTimeouts.For(none, noneCell, Fallback, "a.ipynb"));
    }

    [Theory]
    [InlineData("2.5", 2.5)]
    [InlineData(2.5, 2.5)]
    public void A_cell_timeout_may_be_a_string_as_nbformats_schema_wants_or_a_number(object value, double seconds)
    {
        var (notebook, cell) = Notebook(value is string text ? JsonValue.Create(text) : JsonValue.Create((double)value), null);
        Assert.Equal(TimeSpan.FromSeconds(seconds), CellTimeouts.For(notebook, cell, Fallback, "a.ipynb"));
    }

    [Fact]
    public void Zero_means_no_limit() =>
        Assert.Equal(Timeout.InfiniteTimeSpan, CellTimeouts.For(Notebook("0", null).Item1, Notebook("0", null).Item2, Fallback, "a.ipynb"));

    [Theory]
    [InlineData("soon")]
    [InlineData("NaN")]
    public void Anything_else_is_bad_input_naming_the_file_and_the_json_path(string value)
    {
        var (notebook, cell) = Notebook(value, null);
        var error = Assert.Throws<NotebookFormatException>(() => CellTimeouts.For(notebook, cell, Fallback, "a.ipynb"));
        Assert.Contains("a.ipynb", error.Message);
        Assert.Contains("$.cells[0].metadata.execution.timeout", error.Message);
    }
}
