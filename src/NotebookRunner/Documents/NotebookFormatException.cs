namespace NotebookRunner.Documents;

/// <summary>
/// Thrown when a notebook file cannot be read: not valid JSON or not the nbformat v4 shape (located by a
/// JSON path), or a <c>.dib</c> file or text that cannot be decoded (located by a line). The message is a
/// single line, <c>"&lt;file&gt;: &lt;json path&gt;: &lt;problem&gt;"</c> or <c>"&lt;file&gt;: line &lt;n&gt;: &lt;problem&gt;"</c>,
/// so a CLI can print it as is.
/// </summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/> at <paramref name="jsonPath"/>.</summary>
    /// <param name="fileName">The file (or a display name) the notebook came from.</param>
    /// <param name="jsonPath">Where the problem is, e.g. <c>$.cells[3].source</c>.</param>
    /// <param name="problem">What is wrong, one line.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public NotebookFormatException(string fileName, string jsonPath, string problem, Exception? inner = null)
        : base($"{fileName}: {jsonPath}: {OneLine(problem)}", inner)
    {
        FileName = fileName;
        JsonPath = jsonPath;
        Problem = OneLine(problem);
    }

    /// <summary>Creates the exception for <paramref name="fileName"/> at 1-based <paramref name="line"/>.</summary>
    /// <param name="fileName">The file (or a display name) the notebook came from.</param>
    /// <param name="line">The 1-based line of the file where the problem is.</param>
    /// <param name="problem">What is wrong, one line.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public NotebookFormatException(string fileName, int line, string problem, Exception? inner = null)
        : base($"{fileName}: line {line}: {OneLine(problem)}", inner)
    {
        FileName = fileName;
        Line = line;
        Problem = OneLine(problem);
    }

    /// <summary>The file (or display name) passed to the reader.</summary>
    public string FileName { get; }

    /// <summary>
    /// The JSON path of the offending value, e.g. <c>$.cells[3].source</c>; <c>$</c> for the document;
    /// null when the problem is located by <see cref="Line"/> instead.
    /// </summary>
    public string? JsonPath { get; }

    /// <summary>The 1-based line of the problem for errors located by line (<c>.dib</c> files, undecodable text); else null.</summary>
    public int? Line { get; }

    /// <summary>The description of the problem without file and location.</summary>
    public string Problem { get; }

    // The CLI prints Message on one line; exception messages from System.Text.Json can span lines.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
