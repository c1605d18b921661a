namespace ConcurrencyLab.Timelines;

/// <summary>What <see cref="Timeline.MaxConcurrency"/> was worked out from.</summary>
internal enum ConcurrencyBasis
{
    /// <summary>CPU time not measured: threads inside a span and not in a recorded wait.</summary>
    ThreadsInSpans,

    /// <summary>The sampled thread states (CPU time between two readings of each thread).</summary>
    Samples,

    /// <summary>The spans' own CPU clocks (samples missing, or too coarse to prove more).</summary>
    SpanClocks,
}
