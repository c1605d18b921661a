using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Interactive.Cells;

/// <summary>A <c>#!timeline</c> cell: the timeline starts at the cell's first statement, with a "cell" span on its thread unless asked not to.</summary>
internal sealed class TimelineCell(TimelineOptions options, string title, bool cellSpan = true) : RecordedCell
{
    private SpanScope _cellSpan;

    /// <summary>The recording timeline, once the cell has begun.</summary>
    public Timeline? Timeline { get; private set; }

    public override object Result => Timeline ?? throw new InvalidOperationException("The cell never began.");

    protected override void OnBegin()
    {
        var timeline = Timeline.Start(options);
        timeline.Title = title;
        // The cell's own thread gets a row even when the code records nothing itself; if the cell awaited and
        // finishes elsewhere, the span becomes an async operation from the first thread to the last.
        // Off, the row shows only what the code records there (its own spans, recorded waits): the span would draw an
        // unrecorded wait (a plain Join, Parallel's calling thread idling) as the cell's own work.
        if (cellSpan) _cellSpan = timeline.Span("cell");
        Timeline = timeline;
    }

    protected override void OnEnd()
    {
        _cellSpan.Dispose();
        Timeline!.Stop();
    }
}
