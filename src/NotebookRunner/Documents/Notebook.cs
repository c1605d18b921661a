using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>An nbformat v4 notebook: metadata and an ordered list of cells.</summary>
public sealed class Notebook
{
    /// <summary>The nbformat major version; always 4 for a notebook this model reads.</summary>
    public int NbFormat { get; set; } = 4;

    /// <summary>The minor version as read; the writer always writes 5.</summary>
    public int NbFormatMinor { get; set; } = 5;

    /// <summary>Notebook metadata, preserved untouched (unknown keys included).</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>
    /// The default kernel: the VS Code nested <c>polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// the flat <c>polyglot_notebook.defaultKernelName</c> (.NET Interactive's Jupyter writer), or the
    /// top-level <c>kernelInfo.defaultKernelName</c> (<c>MergeKernelInfos</c>); else <c>kernelspec.name</c>
    /// minus <c>.net-</c>; else <c>language_info.name</c> mapped (C# → csharp); else <c>csharp</c>.
    /// </summary>
    public string DefaultKernelName
    {
        get
        {
            var declared = JsonPaths.GetString(Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName")
                ?? JsonPaths.GetString(Metadata, "polyglot_notebook", "defaultKernelName")
                ?? JsonPaths.GetString(Metadata, "kernelInfo", "defaultKernelName");
            if (!string.IsNullOrWhiteSpace(declared))
            {
                return KernelNames.Normalize(declared);
            }

            if (JsonPaths.GetString(Metadata, "kernelspec", "name") is { } spec
                && spec.StartsWith(".net-", StringComparison.Ordinal) && spec.Length > ".net-".Length)
            {
                return KernelNames.Normalize(spec[".net-".Length..]);
            }

            // "polyglot-notebook" names the VS Code language, not a kernel, so it says nothing here.
            if (JsonPaths.GetString(Metadata, "language_info", "name") is { Length: > 0 } language
                && language != "polyglot-notebook")
            {
                return KernelNames.Normalize(language);
            }

            return KernelNames.CSharp;
        }
    }

    /// <summary>
    /// The kernel Polyglot Notebooks runs <paramref name="cell"/> (a cell of this notebook) in, to send as
    /// <c>SubmitCode.targetKernelName</c>: a first line <c>#!name</c> naming a kernel or alias (<c>#!fsharp</c>,
    /// <c>#!c#</c>, <c>#!powershell</c>; the kernel switches there whatever the metadata says), else
    /// <see cref="NotebookCell.KernelName"/>'s metadata, else <see cref="DefaultKernelName"/>. Aliases the
    /// kernel knows become canonical names (<c>C#</c> → <c>csharp</c>); unknown names (a <c>#!connect</c>-ed
    /// <c>python</c>) are kept. Decided by Microsoft.DotNet.Interactive.Documents' parser. Null for cells that
    /// do not run (markdown, raw).
    /// </summary>
    /// <example><c>var target = notebook.GetTargetKernelName(cell) ?? throw new InvalidOperationException("not code");</c></example>
    public string? GetTargetKernelName(NotebookCell cell) => CellKernelResolver.Resolve(this, cell);

    /// <summary>
    /// The kernel this notebook's metadata lists as <paramref name="kernelName"/> (its name or an alias, ignoring case)
    /// with a language: how Polyglot Notebooks records a kernel a cell connects (<c>#!connect jupyter --kernel-name
    /// python</c> leaves <c>{"name": "python", "languageName": "python"}</c>); .dib files carry it in <c>#!meta</c>.
    /// Null when the notebook lists no such kernel.
    /// </summary>
    /// <example><c>var python = notebook.GetDeclaredKernel("python")?.LanguageName;</c></example>
    public Microsoft.DotNet.Interactive.Documents.KernelInfo? GetDeclaredKernel(string kernelName) => DeclaredKernels.WithLanguage(this, kernelName);

    /// <summary>
    /// A new, empty notebook with the metadata VS Code Polyglot Notebooks writes for a C# notebook
    /// (kernelspec <c>.net-csharp</c>, <c>language_info.name = polyglot-notebook</c>, nested <c>polyglot_notebook.kernelInfo</c>).
    /// </summary>
    public static Notebook CreateNew() => new()
    {
        Metadata = PolyglotMetadata.ForNotebook(KernelNames.CSharp, [PolyglotMetadata.Item(KernelNames.CSharp, [], languageName: null)]),
    };

    /// <summary>Returns a deep copy: metadata, cells and outputs.</summary>
    public Notebook Clone()
    {
        var copy = new Notebook { NbFormat = NbFormat, NbFormatMinor = NbFormatMinor, Metadata = (JsonObject)Metadata.DeepClone() };
        copy.Cells.AddRange(Cells.Select(c => c.Clone()));
        return copy;
    }

    /// <summary>
    /// Gives every cell a valid, unique id (nbformat 4.5: <c>^[a-zA-Z0-9-_]+$</c>, 1–64 chars): valid ids
    /// are kept, first occurrence wins, and missing, invalid or duplicate ids get a new 8-hex-char id.
    /// Returns the number of ids changed. The reader and the writer call it.
    /// </summary>
    public int EnsureValidCellIds()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var needNew = new List<NotebookCell>();
        foreach (var cell in Cells)
        {
            if (!CellIds.IsValid(cell.Id) || !taken.Add(cell.Id))
            {
                needNew.Add(cell);
            }
        }

        // Ids are assigned after the scan so a new id never collides with a later cell's existing one.
        foreach (var cell in needNew)
        {
            cell.Id = CellIds.NewUniqueId(taken);
        }

        return needNew.Count;
    }
}
