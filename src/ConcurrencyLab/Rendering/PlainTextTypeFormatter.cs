namespace ConcurrencyLab.Rendering;

/// <summary>Writes any value as its <see cref="object.ToString"/>, for <see cref="PlainTextFormatterSource"/>.</summary>
public sealed class PlainTextTypeFormatter
{
    /// <summary>Always <c>text/plain</c>.</summary>
    public string MimeType => ChartMimeTypes.PlainText;

    /// <summary>Writes <paramref name="instance"/>'s text.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(instance?.ToString() ?? "");
        return true;
    }
}
