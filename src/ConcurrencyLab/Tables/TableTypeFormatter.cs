using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Tables;

/// <summary>Writes a <see cref="Table"/> as HTML or text, for <see cref="TableFormatterSource"/>.</summary>
public sealed class TableTypeFormatter
{
    /// <summary>Creates the formatter for <c>text/html</c> or <c>text/plain</c>.</summary>
    public TableTypeFormatter(string mimeType) => MimeType = mimeType;

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/>; false if it is not a <see cref="Table"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not Table table)
            return false;
        writer.Write(MimeType == ChartMimeTypes.Html ? table.ToHtml() : table.ToString());
        return true;
    }
}
