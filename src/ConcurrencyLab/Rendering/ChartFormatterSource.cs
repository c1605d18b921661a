namespace ConcurrencyLab.Rendering;

/// <summary>
/// The formatter source named by every displayable type's <c>[TypeFormatterSource]</c> attribute.
/// .NET Interactive (and our engine) instantiate it lazily, the first time such a value is displayed.
/// </summary>
public sealed class ChartFormatterSource
{
    /// <summary>One formatter per MIME type of the chart bundle.</summary>
    public IEnumerable<ChartTypeFormatter> CreateTypeFormatters() =>
        ChartMimeTypes.Preferred.Select(mime => new ChartTypeFormatter(mime)).ToArray();
}
