using System.Text.Json.Nodes;

namespace NotebookRunner.Documents;

/// <summary>A <c>display_data</c> output: a MIME bundle shown by <c>display(...)</c>. It has no execution count.</summary>
public sealed class DisplayDataOutput : CellOutput
{
    /// <summary>Creates an empty display output.</summary>
    public DisplayDataOutput()
        : this(new MimeBundle())
    {
    }

    /// <summary>Creates a display output for <paramref name="data"/>.</summary>
    public DisplayDataOutput(MimeBundle data, JsonObject? metadata = null)
    {
        Data = data;
        Metadata = metadata ?? new JsonObject();
    }

    /// <inheritdoc />
    public override string OutputType => "display_data";

    /// <summary>The representations of the value, keyed by MIME type.</summary>
    public MimeBundle Data { get; set; }

    /// <summary>The output's metadata object (usually empty).</summary>
    public JsonObject Metadata { get; set; }

    /// <inheritdoc />
    public override CellOutput Clone() => new DisplayDataOutput(Data.Clone(), (JsonObject)Metadata.DeepClone());
}
