namespace NotebookRunner.Documents;

/// <summary>One entry of a code cell's <c>outputs</c> array.</summary>
public abstract class CellOutput
{
    /// <summary>The nbformat <c>output_type</c>: <c>stream</c>, <c>display_data</c>, <c>execute_result</c>, <c>error</c> or an unknown one.</summary>
    public abstract string OutputType { get; }

    /// <summary>Returns a deep copy of this output.</summary>
    public abstract CellOutput Clone();
}
