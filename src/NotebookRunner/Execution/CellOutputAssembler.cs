using System.Text.Json.Nodes;
using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Execution;

/// <summary>
/// Turns one cell's kernel events into nbformat outputs exactly as VS Code Polyglot Notebooks saves them:
/// a return value and every display become one <c>display_data</c> each, with every MIME type the kernel
/// formatted (JSON types stored parsed); consecutive writes to one stream merge into one <c>stream</c> output;
/// a <c>DisplayedValueUpdated</c> replaces the output it updates; a failure becomes an <c>error</c> output
/// with <c>ename</c> "Error", the kernel's message as <c>evalue</c> and its lines as the traceback.
/// </summary>
internal sealed class CellOutputAssembler(List<CellOutput> outputs)
{
    private readonly Dictionary<string, int> _displayPositions = new(StringComparer.Ordinal);
    private readonly List<Display> _displays = [];

    /// <summary>Applies one event of this cell; events that make no output (diagnostics, kernel info) are ignored.</summary>
    public void Add(KernelEvent kernelEvent)
    {
        switch (kernelEvent.Type)
        {
            case KernelEventTypes.StandardOutputValueProduced:
                AppendStream(StreamOutput.StdOut, Text(kernelEvent));
                break;
            case KernelEventTypes.StandardErrorValueProduced:
                AppendStream(StreamOutput.StdErr, Text(kernelEvent));
                break;
            case KernelEventTypes.ReturnValueProduced:
            case KernelEventTypes.DisplayedValueProduced:
                if (Bundle(kernelEvent) is not { } bundle) break;
                if (kernelEvent.GetString("valueId") is { } valueId) _displayPositions[valueId] = outputs.Count;
                _displays.Add(new Display(outputs.Count, Signature(bundle)));
                outputs.Add(new DisplayDataOutput(bundle));
                break;
            case KernelEventTypes.DisplayedValueUpdated:
                if (Bundle(kernelEvent) is { } update) Update(kernelEvent.GetString("valueId"), update);
                break;
            case KernelEventTypes.ErrorProduced:
                Fail(kernelEvent.GetString("message") ?? "error");
                break;
        }
    }

    /// <summary>Adds the error output for a failed cell and returns it.</summary>
    public ErrorOutput Fail(string message, string ename = "Error")
    {
        var text = Normalize(message);
        // A command that nests another (an extension's magic submitting the cell's code) fails twice over: the
        // kernel reports the nested failure as ErrorProduced, then the cell's own CommandFailed repeats it.
        if (outputs.OfType<ErrorOutput>().LastOrDefault() is { } shown && shown.EName == ename && shown.EValue == text) return shown;
        var error = new ErrorOutput(ename, text, text.Split('\n'));
        outputs.Add(error);
        return error;
    }

    private void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name) last.Text += text;
        else outputs.Add(new StreamOutput(name, text));
    }

    private void Update(string? valueId, MimeBundle bundle)
    {
        if (valueId is null || !_displayPositions.TryGetValue(valueId, out var position))
        {
            // The kernel's `display(x).Update(y)` names the update with an id its first display never carried,
            // so there is nothing to match on but the display itself: take the newest display with the same MIME
            // types that no other update has claimed (progress displays are updated soon after they are made).
            var signature = Signature(bundle);
            var match = _displays.LastOrDefault(d => !d.Claimed && d.Signature == signature);
            if (match is null)
            {
                outputs.Add(new DisplayDataOutput(bundle));
                if (valueId is not null) _displayPositions[valueId] = outputs.Count - 1;
                return;
            }
            position = match.Position;
            if (valueId is not null) _displayPositions[valueId] = position;
        }
        // Whichever way it was found, an updated display is taken: no other update's guess may land on it.
        foreach (var display in _displays) display.Claimed |= display.Position == position;
        outputs[position] = new DisplayDataOutput(bundle);
    }

    private static string Text(KernelEvent kernelEvent) =>
        Normalize(string.Concat(FormattedValues(kernelEvent).Select(v => v.Value)));

    private static MimeBundle? Bundle(KernelEvent kernelEvent)
    {
        var bundle = new MimeBundle();
        foreach (var (mimeType, value) in FormattedValues(kernelEvent)) bundle.SetFormatted(mimeType, Normalize(value));
        return bundle.Count > 0 ? bundle : null;
    }

    /// <summary>The event's formatted values, without those the kernel marks as not for display.</summary>
    private static IEnumerable<(string MimeType, string Value)> FormattedValues(KernelEvent kernelEvent)
    {
        foreach (var item in (kernelEvent.Body["formattedValues"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (item["suppressDisplay"] is JsonValue suppress && suppress.TryGetValue<bool>(out var hidden) && hidden) continue;
            if (item["mimeType"] is JsonValue mime && mime.TryGetValue<string>(out var mimeType)
                && item["value"] is JsonValue value && value.TryGetValue<string>(out var text))
                yield return (mimeType, text);
        }
    }

    private static string Signature(MimeBundle bundle) => string.Join(",", bundle.MimeTypes.Order(StringComparer.Ordinal));

    // The kernel's formatters write CRLF on every platform; notebooks store LF.
    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private sealed class Display(int position, string signature)
    {
        public int Position { get; } = position;
        public string Signature { get; } = signature;
        public bool Claimed { get; set; }
    }
}
