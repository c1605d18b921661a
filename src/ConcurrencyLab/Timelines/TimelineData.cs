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

    private IReadOnlyList<SpanStatePiece>? _spanStates;
    /// <summary>What each thread did inside its spans, piece by piece: what the chart fills spans with.</summary>
    public IReadOnlyList<SpanStatePiece> SpanStates => _spanStates ??= SpanStateBuilder.Build(this);
}
