using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Resolves a cell's timeout: cell metadata <c>execution.timeout</c>, else notebook metadata
/// <c>execution.timeout</c> (nbmake's key), else the CLI's value. Seconds; zero or less means no limit.
/// </summary>
internal static class CellTimeouts
{
    public static TimeSpan For(Notebook notebook, NotebookCell cell, TimeSpan fallback, string fileName)
    {
        return Read(cell.Metadata, $"cells[{notebook.Cells.IndexOf(cell)}].metadata")
            ?? Read(notebook.Metadata, "metadata")
            ?? fallback;

        TimeSpan? Read(JsonObject metadata, string where)
        {
            if (metadata["execution"] is not JsonObject execution || execution["timeout"] is not { } node) return null;
            if (node is JsonValue value && value.TryGetValue<double>(out var seconds))
                return seconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
            throw new NotebookFormatException(fileName, $"$.{where}.execution.timeout", "expected a number of seconds");
        }
    }
}
