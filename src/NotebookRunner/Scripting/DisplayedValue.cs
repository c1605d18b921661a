using NotebookRunner.Engine;

namespace NotebookRunner.Scripting;

/// <summary>
/// What <c>display(...)</c> and <c>.Display()</c> return, as in .NET Interactive: call <see cref="Update"/>
/// to replace the shown value in place (the saved notebook keeps only the last one).
/// </summary>
public sealed class DisplayedValue
{
    private readonly CSharpSession? _session;
    private readonly IReadOnlyList<string> _mimeTypes;

    internal DisplayedValue(CSharpSession? session, string displayId, IReadOnlyList<string> mimeTypes)
    {
        _session = session;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Identifies the output this value occupies.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value, formatted with the same MIME types as the original.</summary>
    public void Update(object? value)
    {
        if (_session is null) Console.WriteLine(ValueFormatter.Format(value, ["text/plain"])[0].Value);
        else _session.PublishDisplay(value, _mimeTypes, DisplayId, isUpdate: true);
    }
}
