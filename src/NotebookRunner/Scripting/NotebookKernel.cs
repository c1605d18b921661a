using Microsoft.AspNetCore.Html;
using NotebookRunner.Engine;

namespace NotebookRunner.Scripting;

/// <summary>
/// The helpers a cell sees without qualification, as <c>Microsoft.DotNet.Interactive.Kernel</c> provides them in
/// Polyglot Notebooks (the session imports this class with <c>using static</c> before the first cell).
/// </summary>
public static class NotebookKernel
{
    /// <summary>Shows <paramref name="value"/> as a new output, in <paramref name="mimeTypes"/> or its preferred ones.</summary>
    /// <example><code>display(new[] { 1, 2, 3 }, "text/plain");</code></example>
    public static DisplayedValue display(object? value, params string[] mimeTypes) => DisplayCore(value, mimeTypes);

    /// <summary>Wraps a string so it is shown as HTML rather than as text.</summary>
    public static IHtmlContent HTML(string html) => new HtmlString(html);

    internal static DisplayedValue DisplayCore(object? value, IReadOnlyList<string> mimeTypes)
    {
        var session = CSharpSession.Current;
        var id = Guid.NewGuid().ToString("N");
        if (session is null)
        {
            // Outside a session (e.g. a library used from a console app) fall back to the console, as .NET Interactive does.
            Console.WriteLine(ValueFormatter.Format(value, ["text/plain"])[0].Value);
            return new DisplayedValue(null, id, mimeTypes);
        }
        session.PublishDisplay(value, mimeTypes, id, isUpdate: false);
        return new DisplayedValue(session, id, mimeTypes);
    }
}
