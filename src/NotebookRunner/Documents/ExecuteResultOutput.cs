using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>An <c>execute_result</c> output: the value of a cell's trailing expression.</summary>
public sealed class ExecuteResultOutput : CellOutput
{
    /// <summary>Creates an empty result.</summary>
    public ExecuteResultOutput()
        : this(new MimeBundle(), null)
    {
    }

    /// <summary>Creates a result for <paramref name="data"/> produced by the run numbered <paramref name="executionCount"/>.</summary>
    public ExecuteResultOutput(MimeBundle data, int? executionCount, JsonObject? metadata = null)
    {
        Data = data;
        ExecutionCount = executionCount;
        Metadata = metadata ?? new JsonObject();
    }

    /// <inheritdoc />
    public override string OutputType => "execute_result";

    /// <summary>The representations of the value, keyed by MIME type.</summary>
    public MimeBundle Data { get; set; }

    /// <summary>The output's metadata object (usually empty).</summary>
    public JsonObject Metadata { get; set; }

    /// <summary>The execution count of the cell that produced it; written as <c>null</c> when unset.</summary>
    public int? ExecutionCount { get; set; }

    /// <inheritdoc />
    public override CellOutput Clone() => new ExecuteResultOutput(Data.Clone(), ExecutionCount, (JsonObject)Metadata.DeepClone());
}
