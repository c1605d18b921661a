using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>A stretch inside an outermost span where its thread was running, ready or off a CPU; <paramref name="Span"/> is that span.</summary>
internal readonly record struct SpanStatePiece(int ThreadId, double Start, double End, SegmentState State, TimelineSegment Span);
