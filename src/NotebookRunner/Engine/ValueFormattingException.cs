namespace NotebookRunner.Engine;

/// <summary>A value's formatter threw; the message names the value's type and the MIME type being written.</summary>
public sealed class ValueFormattingException(Type valueType, string mimeType, Exception inner)
    : Exception($"Formatting a {valueType.Name} as {mimeType} failed: {inner.GetType().Name}: {inner.Message}", inner)
{
    /// <summary>The type of the value that could not be formatted.</summary>
    public Type ValueType { get; } = valueType;

    /// <summary>The MIME type whose formatter threw.</summary>
    public string MimeType { get; } = mimeType;
}
