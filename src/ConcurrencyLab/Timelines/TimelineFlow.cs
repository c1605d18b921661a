namespace ConcurrencyLab.Timelines;

/// <summary>
/// A causal link between threads: who released a blocked thread ("released by"), or where an async
/// operation started and where its continuation resumed.
/// </summary>
/// <param name="FromThreadId">Managed id of the releasing (or starting) thread.</param>
/// <param name="FromTime">ms since start on the releasing side.</param>
/// <param name="ToThreadId">Managed id of the released (or resuming) thread.</param>
/// <param name="ToTime">ms since start on the released side.</param>
/// <param name="Label">What the link means.</param>
public sealed record TimelineFlow(int FromThreadId, double FromTime, int ToThreadId, double ToTime, string Label);
