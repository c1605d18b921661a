using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>
/// An output whose <c>output_type</c> this model does not know. It is kept as the raw JSON object
/// and written back untouched, so newer notebooks survive a read/write cycle.
/// </summary>
public sealed class UnknownOutput : CellOutput
{
    /// <summary>Wraps the raw output object; it must contain a string <c>output_type</c>.</summary>
    public UnknownOutput(JsonObject raw)
    {
        Raw = raw;
    }

    /// <inheritdoc />
    public override string OutputType => Raw["output_type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>The output exactly as read.</summary>
    public JsonObject Raw { get; }

    /// <inheritdoc />
    public override CellOutput Clone() => new UnknownOutput((JsonObject)Raw.DeepClone());
}
