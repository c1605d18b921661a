using System.Text.Json.Nodes;
using NotebookRunner.Documents;

namespace NotebookRunner.Tests.Execution;

/// <summary>Writes small notebooks into a fresh temp folder for runner and CLI tests.</summary>
internal static class TestNotebook
{
    public static string Folder() => Directory.CreateTempSubdirectory("nbrun-test-").FullName;

    public static string Write(string folder, string name, params NotebookCell[] cells)
    {
        var notebook = Notebook.CreateNew();
        notebook.Cells.AddRange(cells);
        var path = Path.Combine(folder, name);
        NotebookWriter.WriteAtomic(notebook, path);
        return path;
    }

    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = NotebookCell.Code(source);
        if (tags.Length > 0) cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        return cell;
    }

    public static NotebookCell WithTimeout(this NotebookCell cell, double seconds)
    {
        // A string, as nbformat's schema wants for cell execution metadata.
        cell.Metadata["execution"] = new JsonObject { ["timeout"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return cell;
    }
}
