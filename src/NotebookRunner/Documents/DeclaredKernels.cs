using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookRunner.Documents;

/// <summary>
/// The kernels a notebook's metadata lists (<c>polyglot_notebook.kernelInfo.items</c>; a .dib file's <c>#!meta</c>
/// block is read into the same place). VS Code keeps every kernel a session had there, a <c>#!connect</c>-ed one
/// (e.g. <c>python</c>) included, so the list says which kernels the notebook expects beyond the built-in ones.
/// </summary>
internal static class DeclaredKernels
{
    /// <summary>Every usable item, in order (see <see cref="PolyglotKernels.Describe"/>).</summary>
    public static IEnumerable<KernelInfo> Of(Notebook notebook)
    {
        // The three shapes Notebook.DefaultKernelName reads: VS Code's nested one, the flat and the top-level one.
        var items = JsonPaths.Get(notebook.Metadata, "polyglot_notebook", "kernelInfo", "items") as JsonArray
            ?? JsonPaths.Get(notebook.Metadata, "polyglot_notebook", "items") as JsonArray
            ?? JsonPaths.Get(notebook.Metadata, "kernelInfo", "items") as JsonArray;
        foreach (var item in items?.OfType<JsonObject>() ?? [])
        {
            var aliases = item["aliases"] is JsonArray list
                ? list.OfType<JsonValue>().Where(a => a.GetValueKind() == JsonValueKind.String).Select(a => a.GetValue<string>())
                : [];
            if (JsonPaths.GetString(item, "name") is { } name
                && PolyglotKernels.Describe(name, JsonPaths.GetString(item, "languageName"), aliases) is { } kernel)
            {
                yield return kernel;
            }
        }
    }

    /// <summary>
    /// The listed kernel called <paramref name="kernelName"/> (by name or alias, ignoring case) that has a language,
    /// which is how Polyglot Notebooks records a kernel a cell connected; null when there is none.
    /// </summary>
    public static KernelInfo? WithLanguage(Notebook notebook, string kernelName) =>
        Of(notebook).FirstOrDefault(k => !string.IsNullOrWhiteSpace(k.LanguageName)
            && (string.Equals(k.Name, kernelName, StringComparison.OrdinalIgnoreCase)
                || k.Aliases.Any(a => string.Equals(a, kernelName, StringComparison.OrdinalIgnoreCase))));
}
