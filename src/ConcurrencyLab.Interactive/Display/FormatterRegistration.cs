using System.Reflection;
using ConcurrencyLab.Rendering;
using Microsoft.DotNet.Interactive.Formatting;

namespace ConcurrencyLab.Interactive.Display;

/// <summary>
/// Registers the library's MIME bundles with the kernel's own Formatting (26120.1). The core library declares its
/// formatters by convention (an attribute matched by name, found lazily); registering them here makes them explicit,
/// preferred over the kernel's defaults from the first display, and the same in every front end.
/// </summary>
internal static class FormatterRegistration
{
    private const string ConventionAttributeName = "TypeFormatterSourceAttribute";

    /// <summary>Every type of <paramref name="assembly"/> that names a formatter source gets that source's formatters.</summary>
    public static void RegisterConventionSources(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes())
        {
            var attribute = type.GetCustomAttributes(inherit: false).FirstOrDefault(a => a.GetType().Name == ConventionAttributeName);
            if (attribute is null) continue;
            var attributeType = attribute.GetType();
            var sourceType = (Type)attributeType.GetProperty("FormatterSourceType")!.GetValue(attribute)!;
            var preferred = (string[]?)attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute);
            var source = Activator.CreateInstance(sourceType)!;
            var formatters = (System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
            foreach (var formatter in formatters)
            {
                var formatterType = formatter.GetType();
                var mimeType = (string)formatterType.GetProperty("MimeType")!.GetValue(formatter)!;
                var format = formatterType.GetMethod("Format", new[] { typeof(object), typeof(TextWriter) })!;
                Formatter.Register(type, (value, writer) => format.Invoke(formatter, new[] { value, writer }), mimeType);
            }
            if (preferred is { Length: > 0 })
                Formatter.SetPreferredMimeTypesFor(type, preferred);
        }
    }

    /// <summary>A chart-like type of this extension gets the same four MIME types as the library's charts.</summary>
    public static void RegisterChart(Type type)
    {
        foreach (var mimeType in ChartMimeTypes.Preferred)
            Formatter.Register(type, (value, writer) => writer.Write(ChartMimeBundle.Render((IChartDisplayable)value, mimeType)), mimeType);
        Formatter.SetPreferredMimeTypesFor(type, ChartMimeTypes.Preferred.ToArray());
    }

    /// <summary>A message-like type shows as one paragraph: the same text as plain text and as HTML, in every front end.</summary>
    public static void RegisterParagraph<T>(Func<T, string> plain, Func<T, string> html)
    {
        Formatter.Register<T>((value, writer) => writer.Write(plain(value)), "text/plain");
        Formatter.Register<T>((value, writer) => writer.Write(html(value)), "text/html");
        Formatter.SetPreferredMimeTypesFor(typeof(T), "text/html", "text/plain");
    }
}
