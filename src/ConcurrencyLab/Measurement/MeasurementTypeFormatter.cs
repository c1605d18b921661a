using System.Text;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// One formatter of <see cref="MeasurementFormatterSource"/>; the Formatting package reads <see cref="MimeType"/>
/// and calls <see cref="Format"/> by name.
/// </summary>
public sealed class MeasurementTypeFormatter
{
    /// <summary>Creates the formatter for one MIME type of <see cref="ChartMimeTypes.Preferred"/>.</summary>
    public MeasurementTypeFormatter(string mimeType) => MimeType = mimeType;

    /// <summary>The MIME type this formatter writes.</summary>
    public string MimeType { get; }

    /// <summary>Writes a measurement result as <see cref="MimeType"/>; false for anything else.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not ITabularResult result)
            return false;
        writer.Write(MimeType == ChartMimeTypes.Html ? Html(result) : ChartMimeBundle.Render(result, MimeType));
        return true;
    }

    /// <summary>The static chart, then the table, then each remark as a paragraph: no script, no classes.</summary>
    internal static string Html(ITabularResult result)
    {
        var html = new StringBuilder("<div>");
        html.Append(ChartMimeBundle.Render(result, ChartMimeTypes.Svg));
        html.Append(result.Table().ToHtml());
        foreach (string remark in result.Remarks())
            html.Append("<p>").Append(TextTable.Escape(remark)).Append("</p>");
        return html.Append("</div>").ToString();
    }
}
