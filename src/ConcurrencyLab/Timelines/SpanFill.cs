namespace ConcurrencyLab.Timelines;

/// <summary>What the chart fills spans with, and how many spans the samples could place it in.</summary>
internal sealed class SpanFill
{
    public required IReadOnlyList<SpanStatePiece> Pieces { get; init; }

    /// <summary>Spans (nested ones included) filled from their own split, with some of their time outside recorded waits.</summary>
    public int SpansWithSplit { get; init; }

    /// <summary>Of those, the spans the samples could not place the split in (no samples, or too few and too coarse inside them): filled in proportion.</summary>
    public int SpansInProportion { get; init; }
}
