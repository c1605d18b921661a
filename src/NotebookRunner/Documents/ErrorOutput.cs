namespace NotebookRunner.Documents;

/// <summary>An <c>error</c> output: an exception or a compile error.</summary>
public sealed class ErrorOutput : CellOutput
{
    /// <summary>Creates an error output.</summary>
    /// <param name="eName">The error name, e.g. the exception type.</param>
    /// <param name="eValue">The error message.</param>
    /// <param name="traceback">The traceback lines; empty when null.</param>
    public ErrorOutput(string eName, string eValue, IEnumerable<string>? traceback = null)
    {
        EName = eName;
        EValue = eValue;
        Traceback = traceback is null ? [] : [.. traceback];
    }

    /// <inheritdoc />
    public override string OutputType => "error";

    /// <summary>The error name (<c>ename</c>).</summary>
    public string EName { get; set; }

    /// <summary>The error message (<c>evalue</c>).</summary>
    public string EValue { get; set; }

    /// <summary>The traceback lines (<c>traceback</c>).</summary>
    public List<string> Traceback { get; }

    /// <inheritdoc />
    public override CellOutput Clone() => new ErrorOutput(EName, EValue, Traceback);
}
