namespace ConcurrencyLab.Timelines;

/// <summary>One sample of the thread pool during recording (the counter lane under the Gantt).</summary>
/// <param name="Time">ms since start.</param>
/// <param name="ThreadCount"><c>ThreadPool.ThreadCount</c> then.</param>
/// <param name="PendingWorkItems"><c>ThreadPool.PendingWorkItemCount</c> (queue length) then.</param>
public readonly record struct ThreadPoolSample(double Time, int ThreadCount, long PendingWorkItems);
