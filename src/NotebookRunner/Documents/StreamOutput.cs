namespace NotebookRunner.Documents;

/// <summary>A <c>stream</c> output: text written to stdout or stderr.</summary>
public sealed class StreamOutput : CellOutput
{
    /// <summary>The stream name used for standard output.</summary>
    public const string StdOut = "stdout";

    /// <summary>The stream name used for standard error.</summary>
    public const string StdErr = "stderr";

    /// <summary>Creates a stream output.</summary>
    /// <param name="name"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="text">The captured text (joined, not split into lines).</param>
    public StreamOutput(string name, string text)
    {
        Name = name;
        Text = text;
    }

    /// <inheritdoc />
    public override string OutputType => "stream";

    /// <summary><c>stdout</c> or <c>stderr</c>.</summary>
    public string Name { get; set; }

    /// <summary>The captured text. The writer normalises CRLF and lone CR to LF.</summary>
    public string Text { get; set; }

    /// <summary>True when this is the stderr stream.</summary>
    public bool IsStdErr => Name == StdErr;

    /// <inheritdoc />
    public override CellOutput Clone() => new StreamOutput(Name, Text);
}
