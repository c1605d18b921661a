namespace ConcurrencyLab.Rendering;

/// <summary>
/// The formatter source for results that read best as plain text (a child process's output, a report):
/// without it the Formatting package would show their properties as an HTML table, which mangles
/// multi-line output.
/// </summary>
public sealed class PlainTextFormatterSource
{
    /// <summary>One formatter, for <c>text/plain</c>, that writes the value's <see cref="object.ToString"/>.</summary>
    public IEnumerable<PlainTextTypeFormatter> CreateTypeFormatters() => new[] { new PlainTextTypeFormatter() };
}
