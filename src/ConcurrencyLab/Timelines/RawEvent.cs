namespace ConcurrencyLab.Timelines;

/// <summary>A recorded event with its label and target resolved, as the decoder reads it after Stop.</summary>
internal readonly record struct RawEvent(EventKind Kind, BlockCause Cause, long Start, long End, string Label, object? Target, int Extra);
