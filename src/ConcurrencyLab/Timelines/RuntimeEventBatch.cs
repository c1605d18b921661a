namespace ConcurrencyLab.Timelines;

/// <summary>What the runtime event listener collected, with timestamps already on the Stopwatch clock.</summary>
internal sealed class RuntimeEventBatch
{
    public List<RuntimeContention> Contentions { get; } = new();
    public List<(long Timestamp, int NewWorkerThreadCount, string Reason)> Adjustments { get; } = new();

    /// <summary>Why the batch may be incomplete, for the summary; null when the flush sentinel arrived.</summary>
    public string? Problem { get; set; }
}
