using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>A stretch inside a span where its thread was running, ready or off a CPU; <paramref name="Span"/> is the innermost span there.</summary>
internal readonly record struct SpanStatePiece(int ThreadId, double Start, double End, SegmentState State, TimelineSegment Span);
