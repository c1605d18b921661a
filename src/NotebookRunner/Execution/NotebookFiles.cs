namespace NotebookRunner.Execution;

/// <summary>The notebook file kinds nbrun runs: Jupyter's <c>.ipynb</c> and Polyglot's text format <c>.dib</c>.</summary>
public static class NotebookFiles
{
    /// <summary>The extensions nbrun reads.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".ipynb", ".dib"];

    /// <summary>True for a file nbrun can run.</summary>
    public static bool IsNotebook(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Where the executed copy of <paramref name="path"/> goes: a <c>.dib</c> becomes an <c>.ipynb</c>, since a <c>.dib</c> holds no outputs.</summary>
    public static string ExecutedPath(string path) =>
        path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? path[..^".dib".Length] + ".ipynb" : path;
}
