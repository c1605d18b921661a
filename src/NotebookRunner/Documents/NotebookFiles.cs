namespace NotebookRunner.Documents;

/// <summary>The notebook file formats nbrun reads, and where an executed notebook is written.</summary>
public static class NotebookFiles
{
    /// <summary>Jupyter's JSON notebook format, which nbrun reads and writes.</summary>
    public const string IpynbExtension = ".ipynb";

    /// <summary>Polyglot Notebooks' text format, which nbrun reads (an executed one is written as <c>.ipynb</c>).</summary>
    public const string DibExtension = ".dib";

    /// <summary>The extensions <see cref="NotebookReader.Read"/> understands, for discovery in folders.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [IpynbExtension, DibExtension];

    /// <summary>True for a <c>.dib</c> path (case-insensitive).</summary>
    public static bool IsDib(string path) => Path.GetExtension(path).Equals(DibExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a path with one of <see cref="Extensions"/> (case-insensitive).</summary>
    public static bool IsNotebook(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where the executed form of <paramref name="path"/> goes: a <c>.dib</c> becomes the <c>.ipynb</c> beside
    /// it (its outputs need nbformat; the <c>.dib</c> text is never overwritten); anything else is unchanged.
    /// Works on full paths and on relative names alike.
    /// </summary>
    /// <example><c>NotebookFiles.ExecutedPath("notes/intro.dib") == "notes/intro.ipynb"</c></example>
    public static string ExecutedPath(string path) => IsDib(path) ? Path.ChangeExtension(path, IpynbExtension) : path;
}
