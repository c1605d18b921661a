namespace NotebookRunner.Engine;

/// <summary>One rendering of a value in one MIME type, e.g. (<c>text/html</c>, <c>&lt;pre&gt;42&lt;/pre&gt;</c>).</summary>
public sealed record FormattedValue(string MimeType, string Value);
