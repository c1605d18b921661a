namespace ConcurrencyLab.Rendering;

/// <summary>
/// One formatter of the convention-based formatter source: the Formatting package reads
/// <see cref="MimeType"/> and calls <see cref="Format"/> by name, so no interface from it is needed.
/// </summary>
public sealed class ChartTypeFormatter
{
    /// <summary>Creates the formatter for one MIME type of <see cref="ChartMimeTypes.Preferred"/>.</summary>
    public ChartTypeFormatter(string mimeType) => MimeType = mimeType;

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/> as <see cref="MimeType"/>; false if it is not an <see cref="IChartDisplayable"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not IChartDisplayable displayable)
            return false;
        writer.Write(ChartMimeBundle.Render(displayable, MimeType));
        return true;
    }
}
