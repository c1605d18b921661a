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

    /// <summary>
    /// Like <see cref="Write"/>, with <paramref name="connected"/> listed in the notebook's metadata as VS Code lists a
    /// kernel a <c>#!connect</c> cell added (name and language; here the language is the name).
    /// </summary>
    public static string WriteDeclaring(string folder, string name, string[] connected, params NotebookCell[] cells)
    {
        var notebook = Notebook.CreateNew();
        var items = (JsonArray)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]!;
        foreach (var kernel in connected) items.Add(PolyglotMetadata.Item(kernel, [], languageName: kernel));
        notebook.Cells.AddRange(cells);
        var path = Path.Combine(folder, name);
        NotebookWriter.WriteAtomic(notebook, path);
        return path;
    }

    /// <summary>A code cell that VS Code would send to <paramref name="kernel"/> (its <c>polyglot_notebook.kernelName</c>).</summary>
    public static NotebookCell CodeIn(string kernel, string source, params string[] tags)
    {
        var cell = Code(source, tags);
        cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        return cell;
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
