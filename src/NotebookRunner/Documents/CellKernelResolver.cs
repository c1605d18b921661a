using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using JupyterFormat = Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook;

namespace NotebookRunner.Documents;

/// <summary>
/// Decides which kernel a code cell runs in with Microsoft.DotNet.Interactive.Documents' own rules: a first
/// line <c>#!name</c> naming a kernel or alias (the kernel itself switches there), else the cell metadata
/// (<c>polyglot_notebook.kernelName</c> over the legacy <c>dotnet_interactive.language</c>), aliases made
/// canonical. Documents is only asked about the cell: the notebook's default kernel is ours
/// (<see cref="Notebook.DefaultKernelName"/>), because Documents misreads VS Code's own metadata there.
/// </summary>
internal static class CellKernelResolver
{
    private static readonly (string Key, string Property)[] KernelMetadataKeys = [("polyglot_notebook", "kernelName"), ("dotnet_interactive", "language")];

    public static string? Resolve(Notebook notebook, NotebookCell cell)
    {
        if (!cell.IsCode)
        {
            return null;
        }

        var defaultKernel = notebook.DefaultKernelName;

        // Only the strings Documents reads, so nothing else in the metadata (depth, odd values) can upset it.
        var metadata = new JsonObject();
        foreach (var (key, property) in KernelMetadataKeys)
        {
            if (JsonPaths.GetString(cell.Metadata, key, property) is { } value)
            {
                metadata[key] = new JsonObject { [property] = value };
            }
        }

        // A one-cell notebook without notebook metadata, so the default comes from the collection we pass.
        // The added line break lets Documents see a cell that is only "#!fsharp" as the kernel does: it
        // takes the name up to the first space or line break, and finds none in a one-line cell.
        var single = new JsonObject
        {
            ["cells"] = new JsonArray(new JsonObject
            {
                ["cell_type"] = NotebookCell.CodeType,
                ["metadata"] = metadata,
                ["source"] = cell.Source + "\n",
            }),
            ["metadata"] = new JsonObject(),
        };

        var kernels = PolyglotKernels.Create(defaultKernel, DeclaredKernels.Of(notebook));
        var element = JupyterFormat.Parse(single.ToJsonString(), kernels).Elements.Single();
        return element.KernelName is { Length: > 0 } name ? name : defaultKernel;
    }
}
