using System.ComponentModel;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// Entry points for the code that the magic commands generate from a cell; the number is the running magic cell.
/// Not for use in notebooks: write <c>#!measure</c>, <c>#!timeline</c> or <c>#!sample</c> instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellHooks
{
    /// <summary>Times a <c>#!measure</c> cell's code, compiled as a delegate, with the magic's name and options.</summary>
    public static Task Measure(int cell, Action code)
    {
        var measured = CellRegistry.Get<MeasuredCell>(cell);
        measured.Result = Measurement.Measure.Time(measured.Name, code, measured.Options);
        return Task.CompletedTask;
    }

    /// <summary>Times a <c>#!measure</c> cell whose last line is a value (kept, so it is not optimised away).</summary>
    public static Task Measure<T>(int cell, Func<T> code)
    {
        var measured = CellRegistry.Get<MeasuredCell>(cell);
        measured.Result = Measurement.Measure.Time(measured.Name, code, measured.Options);
        return Task.CompletedTask;
    }

    /// <summary>Times a <c>#!measure</c> cell that awaits: each operation is one awaited run of the cell.</summary>
    public static async Task Measure(int cell, Func<Task> code)
    {
        var measured = CellRegistry.Get<MeasuredCell>(cell);
        measured.Result = await Measurement.Measure.TimeAsync(measured.Name, code, measured.Options).ConfigureAwait(false);
    }

    /// <summary>Times a <c>#!measure</c> cell that awaits and ends with a value.</summary>
    public static Task Measure<T>(int cell, Func<Task<T>> code) => Measure(cell, (Func<Task>)code);

    /// <summary>Starts a <c>#!timeline</c> cell's recording from its first statement and returns the timeline.</summary>
    public static Timeline BeginTimeline(int cell)
    {
        var recorded = CellRegistry.Get<TimelineCell>(cell);
        recorded.Begin();
        return recorded.Timeline!;
    }

    /// <summary>Ends a <c>#!timeline</c> or <c>#!sample</c> cell's recording where its code ends, on the thread it ends on.</summary>
    public static void End(int cell) => CellRegistry.Find<RecordedCell>(cell)?.TryEnd();

    /// <summary>Runs the cell's last expression (which has no value), then ends the recording.</summary>
    public static void End(int cell, Action last)
    {
        try
        {
            last();
        }
        finally
        {
            End(cell);
        }
    }

    /// <summary>Runs the cell's last expression, ends the recording, and passes the value on to the kernel to show.</summary>
    public static T End<T>(int cell, Func<T> last)
    {
        try
        {
            return last();
        }
        finally
        {
            End(cell);
        }
    }

    /// <summary>Starts a <c>#!sample</c> cell's sampling from its first statement.</summary>
    public static void BeginSampling(int cell) => CellRegistry.Get<SampledCell>(cell).Begin();

    /// <summary>A span of the running <c>#!timeline</c> cell on the current thread (nothing once the cell has ended).</summary>
    public static SpanScope Span(int cell, string label) =>
        CellRegistry.Find<TimelineCell>(cell)?.Timeline is { } timeline ? timeline.Span(label) : default;

    /// <summary>Runs an expression-bodied lambda of a <c>#!timeline</c> cell inside a span.</summary>
    public static void InSpan(int cell, string label, Action code)
    {
        using (Span(cell, label)) code();
    }

    /// <summary>Runs an expression-bodied lambda with a value inside a span.</summary>
    public static T InSpan<T>(int cell, string label, Func<T> code)
    {
        using (Span(cell, label)) return code();
    }
}
