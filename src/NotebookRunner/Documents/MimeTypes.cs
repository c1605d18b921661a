namespace NotebookRunner.Documents;

/// <summary>How nbformat classifies MIME types when it stores them in a MIME bundle.</summary>
public static class MimeTypes
{
    /// <summary><c>text/plain</c>.</summary>
    public const string TextPlain = "text/plain";

    /// <summary><c>text/html</c>.</summary>
    public const string TextHtml = "text/html";

    /// <summary><c>text/markdown</c>.</summary>
    public const string TextMarkdown = "text/markdown";

    /// <summary><c>image/svg+xml</c>.</summary>
    public const string ImageSvg = "image/svg+xml";

    /// <summary><c>image/png</c>.</summary>
    public const string ImagePng = "image/png";

    /// <summary><c>image/jpeg</c>.</summary>
    public const string ImageJpeg = "image/jpeg";

    /// <summary><c>application/json</c>.</summary>
    public const string ApplicationJson = "application/json";

    /// <summary>
    /// True for <c>application/json</c> and <c>application/*+json</c>: nbformat stores these as
    /// raw JSON rather than as a string (rwbase.py <c>_is_json_mime</c>).
    /// </summary>
    public static bool IsJson(string mimeType) =>
        mimeType == ApplicationJson
        || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>
    /// True when nbformat writes a string value of this type as a line array
    /// (rwbase.py <c>_split_mimebundle</c>): <c>text/*</c>, <c>application/javascript</c> and <c>image/svg+xml</c>.
    /// Base64 images and JSON stay single values.
    /// </summary>
    public static bool IsLineSplit(string mimeType) =>
        mimeType.StartsWith("text/", StringComparison.Ordinal)
        || mimeType == "application/javascript"
        || mimeType == ImageSvg;
}
