using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// A <c>#!sample</c> cell: <see cref="Measure.SampleAsync"/> runs from the cell's first statement until the cell ends
/// (it awaits a task the magic completes), so the samples cover the cell's code and not the kernel's compile.
/// </summary>
internal sealed class SampledCell(TimeSpan? interval, MeasureOptions options) : RecordedCell
{
    private readonly TaskCompletionSource _cellEnded = new();
    private Task<SamplingResult>? _sampling;
    private SamplingResult? _result;

    public override object Result => _result ?? throw new InvalidOperationException("The cell never began.");

    protected override void OnBegin() => _sampling = Measure.SampleAsync(() => _cellEnded.Task, interval, options);

    protected override void OnEnd()
    {
        _cellEnded.SetResult();
        // The sampler stops on the thread that completes the task above, so this does not wait long.
        _result = _sampling!.GetAwaiter().GetResult();
    }
}
