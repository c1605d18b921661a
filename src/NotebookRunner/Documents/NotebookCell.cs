using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>One cell of a notebook: code, markdown, raw or a cell type this model does not know.</summary>
public sealed class NotebookCell
{
    /// <summary>The <c>cell_type</c> of code cells.</summary>
    public const string CodeType = "code";

    /// <summary>The <c>cell_type</c> of markdown cells.</summary>
    public const string MarkdownType = "markdown";

    /// <summary>The <c>cell_type</c> of raw cells.</summary>
    public const string RawType = "raw";

    /// <summary>Creates a cell with a fresh id and empty metadata.</summary>
    public NotebookCell(string cellType, string source)
    {
        CellType = cellType;
        Source = source;
        Id = CellIds.NewId();
    }

    /// <summary>
    /// The nbformat 4.5 cell id: kept as read, or 8 random lowercase hex characters when missing.
    /// <see cref="Notebook.EnsureValidCellIds"/> (also run by the reader and the writer) replaces
    /// invalid and duplicate ids.
    /// </summary>
    public string Id { get; set; }

    /// <summary><c>code</c>, <c>markdown</c>, <c>raw</c>, or any other value, which is preserved.</summary>
    public string CellType { get; set; }

    /// <summary>The cell's source, joined into one string.</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata, preserved as read (unknown keys included).</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The outputs; only written for code cells.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The execution count; only written for code cells (as <c>null</c> when unset).</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Any other cell keys (e.g. <c>attachments</c>), preserved and written back.</summary>
    public JsonObject ExtraProperties { get; } = new();

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == CodeType;

    /// <summary>True for markdown cells.</summary>
    public bool IsMarkdown => CellType == MarkdownType;

    /// <summary>The string entries of <c>metadata.tags</c> (e.g. <c>raises-exception</c>, <c>skip-execution</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? [.. tags.OfType<JsonValue>().Where(t => t.GetValueKind() == JsonValueKind.String).Select(t => t.GetValue<string>())]
            : [];

    /// <summary>
    /// The kernel named in the cell metadata: <c>polyglot_notebook.kernelName</c>, else the legacy
    /// <c>dotnet_interactive.language</c>, else null (the caller falls back to <see cref="Notebook.DefaultKernelName"/>).
    /// Known aliases such as <c>C#</c> are normalised.
    /// </summary>
    public string? KernelName =>
        (JsonPaths.GetString(Metadata, "polyglot_notebook", "kernelName")
         ?? JsonPaths.GetString(Metadata, "dotnet_interactive", "language")) is { Length: > 0 } name
            ? KernelNames.Normalize(name)
            : null;

    /// <summary>A new C# code cell with the metadata VS Code writes: <c>{"polyglot_notebook":{"kernelName":"csharp"}}</c>.</summary>
    public static NotebookCell Code(string source) => new(CodeType, source)
    {
        Metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = KernelNames.CSharp } },
    };

    /// <summary>A new markdown cell with empty metadata.</summary>
    public static NotebookCell Markdown(string source) => new(MarkdownType, source);

    /// <summary>Returns a deep copy (same id).</summary>
    public NotebookCell Clone()
    {
        var copy = new NotebookCell(CellType, Source)
        {
            Id = Id,
            Metadata = (JsonObject)Metadata.DeepClone(),
            ExecutionCount = ExecutionCount,
        };
        copy.Outputs.AddRange(Outputs.Select(o => o.Clone()));
        foreach (var (key, value) in ExtraProperties)
        {
            copy.ExtraProperties[key] = value?.DeepClone();
        }

        return copy;
    }
}
