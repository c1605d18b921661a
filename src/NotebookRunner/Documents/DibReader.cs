using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookRunner.Documents;

/// <summary>
/// Reads Polyglot's <c>.dib</c> text format with Microsoft.DotNet.Interactive.Documents (<c>CodeSubmission.Parse</c>,
/// the parser VS Code uses) into the notebook model, with the metadata VS Code writes when it saves an
/// <c>.ipynb</c>, so <see cref="NotebookWriter"/> turns it into a valid nbformat 4.5 notebook.
/// </summary>
internal static class DibReader
{
    private const string MetaHeader = "#!meta";

    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> block is not valid kernel information; the message names its line.</exception>
    public static Notebook Parse(string text, string fileName)
    {
        InteractiveDocument document;
        try
        {
            // With no #!meta, cells before any #!kernel line belong to VS Code's default kernel, C#.
            document = CodeSubmission.Parse(text, PolyglotKernels.Create(PolyglotKernels.DefaultKernelName));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // Only the #!meta JSON is parsed here: its kernelInfo is read into a KernelInfoCollection.
            throw MetaError(text, fileName, ex);
        }

        var declared = document.GetKernelInfo();
        var defaultKernel = declared?.DefaultKernelName is { Length: > 0 } named
            ? KernelNames.Normalize(named)
            : PolyglotKernels.DefaultKernelName;

        var notebook = new Notebook { Metadata = PolyglotMetadata.ForNotebook(defaultKernel, Items(declared, defaultKernel, document)) };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in document.Elements)
        {
            var kernel = element.KernelName is { Length: > 0 } k ? k : defaultKernel;
            var cell = kernel == "markdown" ? NotebookCell.Markdown(element.Contents) : CodeCell(element.Contents, kernel);

            // Ids come from the cell itself (and how often the same cell came before), so converting the
            // same file again gives the same notebook, and editing one cell leaves the others' ids alone.
            var seed = $"{cell.CellType}\n{kernel}\n{element.Contents}";
            repeats[seed] = repeats.GetValueOrDefault(seed) + 1;
            cell.Id = CellIds.Stable($"{seed}\n{repeats[seed]}", ids);
            notebook.Cells.Add(cell);
        }

        return notebook;
    }

    private static NotebookCell CodeCell(string source, string kernel) => new(NotebookCell.CodeType, source)
    {
        Metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
    };

    /// <summary>
    /// The <c>#!meta</c> items as written (VS Code keeps them); without any, the default kernel and every
    /// kernel a cell names, as a session reports them, sorted by name as VS Code sorts them.
    /// </summary>
    private static IEnumerable<JsonObject> Items(KernelInfoCollection? declared, string defaultKernel, InteractiveDocument document)
    {
        if (declared is { Count: > 0 })
        {
            return declared.OrderBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => PolyglotMetadata.Item(k.Name, k.Aliases, k.LanguageName));
        }

        return document.Elements.Select(e => e.KernelName)
            .Where(k => k is { Length: > 0 } && k != "markdown")
            .Prepend(defaultKernel)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k =>
            {
                var (aliases, language) = PolyglotKernels.AsReported(k!);
                return PolyglotMetadata.Item(k!, aliases, language);
            });
    }

    private static NotebookFormatException MetaError(string text, string fileName, Exception ex)
    {
        var lines = text.Split('\n');
        var header = Array.FindIndex(lines, l => l.TrimEnd('\r') == MetaHeader);
        var index = 0;
        if (header >= 0)
        {
            // Documents parses the lines after "#!meta" as one JSON text, so its line 0 is the header's next line.
            var firstJson = Array.FindIndex(lines, header + 1, l => l.Trim().Length > 0);
            index = ex is JsonException { LineNumber: { } jsonLine } ? header + 1 + (int)jsonLine : firstJson;

            // Errors raised while binding kernelInfo carry no useful position: point at the JSON's first line,
            // or at the header when the block has no JSON before the next cell's #! line.
            if (index <= header || index >= lines.Length || lines[index].Trim().Length == 0)
            {
                index = firstJson;
            }

            if (index < 0 || lines[index].StartsWith("#!", StringComparison.Ordinal))
            {
                index = header;
            }
        }

        var reason = ex.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        var what = header >= 0 ? $"invalid {MetaHeader} kernel information" : "not readable as a .dib file";
        return new NotebookFormatException(fileName, index + 1, $"{what}: {reason}", ex);
    }
}
