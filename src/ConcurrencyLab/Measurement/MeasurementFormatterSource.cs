namespace ConcurrencyLab.Measurement;

/// <summary>
/// The formatter source named by the measurement results' <c>[TypeFormatterSource]</c> attribute: the chart
/// bundle of <see cref="Rendering.ChartFormatterSource"/>, except that the HTML also carries the results table
/// and the warnings under the chart, so readers of a static notebook (GitHub, nbconvert) see the numbers.
/// </summary>
public sealed class MeasurementFormatterSource
{
    /// <summary>One formatter per MIME type of the bundle, richest first.</summary>
    public IEnumerable<MeasurementTypeFormatter> CreateTypeFormatters() =>
        Rendering.ChartMimeTypes.Preferred.Select(mime => new MeasurementTypeFormatter(mime)).ToArray();
}
