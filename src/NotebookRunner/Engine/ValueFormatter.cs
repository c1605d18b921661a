using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookRunner.Engine;

/// <summary>
/// Formats values the way the .NET Interactive kernel does, through Microsoft.DotNet.Interactive.Formatting:
/// one rendering per preferred MIME type (so a type with a <c>TypeFormatterSource</c> gets its whole bundle),
/// plus <c>text/plain</c> so terminals, diffs and nbconvert always have something readable.
/// </summary>
public static class ValueFormatter
{
    private const string PlainText = "text/plain";

    /// <summary>Formats <paramref name="value"/> in <paramref name="mimeTypes"/>, or its preferred MIME types when none are given.</summary>
    public static IReadOnlyList<FormattedValue> Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        if (value is null) return [new FormattedValue(PlainText, Formatter.NullString)];

        var requested = mimeTypes is { Count: > 0 }
            ? mimeTypes
            : Formatter.GetPreferredMimeTypesFor(value.GetType()).ToList();
        var types = requested.Distinct(StringComparer.Ordinal).ToList();
        if (mimeTypes is not { Count: > 0 } && !types.Contains(PlainText)) types.Add(PlainText);

        return types.Select(mime => new FormattedValue(mime, FormatOne(value, mime))).ToList();
    }

    private static string FormatOne(object value, string mimeType)
    {
        // Strings shown as text/plain are the string itself, not its quoted display form.
        if (value is string text && mimeType == PlainText) return text;
        try
        {
            return value.ToDisplayString(mimeType);
        }
        catch (Exception exception)
        {
            // A formatter's own bug must reach the reader as this value's error, naming the type and MIME type.
            throw new ValueFormattingException(value.GetType(), mimeType, exception);
        }
    }
}
