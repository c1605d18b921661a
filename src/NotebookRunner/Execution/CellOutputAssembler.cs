using NotebookRunner.Documents;
using NotebookRunner.Engine;

namespace NotebookRunner.Execution;

/// <summary>
/// Turns a cell's engine events into nbformat outputs as Jupyter front ends save them: consecutive writes to
/// the same stream merge into one output; a display update replaces its display in place; a trailing value
/// becomes an <c>execute_result</c> with the cell's execution count; JSON MIME types are stored parsed.
/// </summary>
internal sealed class CellOutputAssembler(List<CellOutput> outputs)
{
    private readonly Dictionary<string, int> _displayPositions = new(StringComparer.Ordinal);
    private readonly List<ExecuteResultOutput> _results = [];

    public void Add(CellEvent cellEvent)
    {
        switch (cellEvent)
        {
            case StreamEvent stream:
                var text = stream.Text.Replace("\r\n", "\n").Replace('\r', '\n');
                if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream.Name) last.Text += text;
                else outputs.Add(new StreamOutput(stream.Name, text));
                break;
            case DisplayEvent display:
                var bundle = ToBundle(display.Values);
                if (display.IsUpdate && _displayPositions.TryGetValue(display.DisplayId, out var position))
                {
                    outputs[position] = new DisplayDataOutput(bundle);
                    break;
                }
                _displayPositions[display.DisplayId] = outputs.Count;
                if (display.IsResult)
                {
                    var result = new ExecuteResultOutput(bundle, null);
                    _results.Add(result);
                    outputs.Add(result);
                }
                else outputs.Add(new DisplayDataOutput(bundle));
                break;
            case ErrorEvent error:
                outputs.Add(new ErrorOutput(error.Name, error.Message, error.Traceback));
                break;
        }
    }

    /// <summary>Stamps the cell's execution count on its results once the cell has ended.</summary>
    public void Complete(int executionCount)
    {
        foreach (var result in _results) result.ExecutionCount = executionCount;
    }

    private static MimeBundle ToBundle(IReadOnlyList<FormattedValue> values)
    {
        var bundle = new MimeBundle();
        foreach (var value in values) bundle.SetFormatted(value.MimeType, value.Value.Replace("\r\n", "\n"));
        return bundle;
    }
}
