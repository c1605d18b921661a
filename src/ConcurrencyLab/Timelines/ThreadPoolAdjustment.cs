namespace ConcurrencyLab.Timelines;

/// <summary>The runtime's thread-pool hill climbing changed the worker count (ThreadPoolWorkerThreadAdjustmentAdjustment).</summary>
/// <param name="Time">ms since start.</param>
/// <param name="NewWorkerThreadCount">Target worker count after the change.</param>
/// <param name="Reason">The runtime's reason, e.g. "Warmup", "Starvation", "CooperativeBlocking".</param>
public sealed record ThreadPoolAdjustment(double Time, int NewWorkerThreadCount, string Reason);
