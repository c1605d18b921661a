using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Execution;

/// <summary>
/// Resolves a cell's timeout: cell metadata <c>execution.timeout</c>, else notebook metadata
/// <c>execution.timeout</c> (nbmake's key), else the CLI's value. Seconds; zero or less means no limit.
/// A number or a numeric string: nbformat's schema wants every value of a <em>cell's</em> <c>execution</c>
/// metadata to be a string (nbclient keeps timestamps there), so <c>"timeout": "30"</c> keeps a cell valid.
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
            // A number as written in the file, or a string holding one (JsonValue<int> will not give a double).
            var text = node.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.Number => node.ToJsonString(),
                System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
                _ => null,
            };
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
                return seconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
            throw new NotebookFormatException(fileName, $"$.{where}.execution.timeout", "expected a number of seconds (or a string holding one)");
        }
    }
}
