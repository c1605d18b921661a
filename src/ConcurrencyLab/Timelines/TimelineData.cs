namespace ConcurrencyLab.Timelines;

/// <summary>A stopped timeline, decoded: what the public properties, figures, chart and export read.</summary>
internal sealed class TimelineData
{
    public required IReadOnlyList<TimelineThread> Threads { get; init; }
    public required IReadOnlyList<TimelineSegment> Segments { get; init; }
    public required IReadOnlyList<TimelineMark> Marks { get; init; }
    public required IReadOnlyList<TimelineFlow> Flows { get; init; }
    public required IReadOnlyList<TimelineAsyncOperation> AsyncOperations { get; init; }
    public required IReadOnlyList<ThreadPoolSample> Samples { get; init; }
    public required IReadOnlyList<ThreadPoolAdjustment> Adjustments { get; init; }
    public IReadOnlyList<TimelineCounter> Counters { get; init; } = Array.Empty<TimelineCounter>();
    public IReadOnlyList<TimelineThreadState> ThreadStates { get; init; } = Array.Empty<TimelineThreadState>();
    public required CpuTimeSources Cpu { get; init; }
    public required double WallMs { get; init; }
    public long EventCount { get; init; }
    public long DroppedEvents { get; init; }
    public string? RuntimeEventProblem { get; init; }

    private TimelineFigures? _figures;
    public TimelineFigures Figures => _figures ??= TimelineFigures.Compute(this);

    /// <summary>
    /// Each thread's sampled intervals, as fine as they were taken (recorded timelines), or the given thread states
    /// (created ones): what places a span's split inside it, and what a count of threads on a CPU at once can use.
    /// </summary>
    public IReadOnlyDictionary<int, List<CpuInterval>> SampledIntervals { get; init; } = new Dictionary<int, List<CpuInterval>>();

    /// <summary>Pieces shorter than this share of the wall time are merged: the chart cannot draw them apart.</summary>
    public const double DrawnPiecesPerWallTime = 600;

    private SpanFill? _fill;
    /// <summary>What each thread did inside its spans, piece by piece (as fine as a chart can draw): what the chart fills spans with.</summary>
    public SpanFill Fill => _fill ??= SpanStateBuilder.Build(this, WallMs / DrawnPiecesPerWallTime);

    /// <summary>The pieces of <see cref="Fill"/>.</summary>
    public IReadOnlyList<SpanStatePiece> SpanStates => Fill.Pieces;
}
