namespace ConcurrencyLab.Tests.Measurement;

/// <summary>Workloads whose counter effects are known exactly.</summary>
internal static class KnownWork
{
    /// <summary>
    /// Queues <paramref name="items"/> work items, waits for them, then waits until the pool's completed count
    /// includes them (it is bumped just after a work item returns, after our signal).
    /// </summary>
    public static void QueueAndAwait(int items)
    {
        long before = ThreadPool.CompletedWorkItemCount;
        using var done = new CountdownEvent(items);
        for (int i = 0; i < items; i++)
            ThreadPool.UnsafeQueueUserWorkItem(static d => d.Signal(), done, preferLocal: false);
        done.Wait();
        SpinWait.SpinUntil(() => ThreadPool.CompletedWorkItemCount - before >= items, TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Makes one other thread contend for <paramref name="gate"/>: holds it until the runtime has counted the
    /// waiter's contention, then lets the waiter in; returns the waiter to join or await.
    /// </summary>
    public static void ContendOnce(object gate, Func<Action, Action> startWaiter)
    {
        long before = Monitor.LockContentionCount;
        Action join;
        lock (gate)
        {
            join = startWaiter(() => { lock (gate) { } });
            SpinWait.SpinUntil(() => Monitor.LockContentionCount > before, TimeSpan.FromSeconds(10));
        }
        join();
    }
}
