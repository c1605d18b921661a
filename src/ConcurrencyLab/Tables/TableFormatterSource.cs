using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Tables;

/// <summary>The convention-based formatter source of <see cref="Table"/>: HTML and plain text.</summary>
public sealed class TableFormatterSource
{
    /// <summary>One formatter per MIME type a table is shown in.</summary>
    public IEnumerable<TableTypeFormatter> CreateTypeFormatters() =>
        new[] { new TableTypeFormatter(ChartMimeTypes.Html), new TableTypeFormatter(ChartMimeTypes.PlainText) };
}
