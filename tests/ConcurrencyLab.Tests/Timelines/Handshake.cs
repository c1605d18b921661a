namespace ConcurrencyLab.Tests.Timelines;

/// <summary>Orders threads by state, not by time: the tests must not depend on how loaded the machine is.</summary>
internal static class Handshake
{
    /// <summary>Returns once <paramref name="thread"/> is blocked (in a wait, join or sleep).</summary>
    public static void WaitUntilBlocked(Thread thread)
    {
        var spin = new SpinWait();
        while ((thread.ThreadState & ThreadState.WaitSleepJoin) == 0)
            spin.SpinOnce();
    }

    public static Thread StartThread(string name, Action body)
    {
        var thread = new Thread(() => body()) { Name = name };
        thread.Start();
        return thread;
    }

    /// <summary>
    /// On one thread, <paramref name="hold"/> takes a lock and calls its argument while holding it; that
    /// starts a second thread running <paramref name="wait"/> (which tries to take the same lock) and
    /// returns only once the second thread is blocked. So the wait is real whatever the machine's load.
    /// </summary>
    /// <returns>Managed ids of the holding and the waiting thread.</returns>
    public static (int Holder, int Waiter) HoldWhileAnotherWaits(Action<Action> hold, Action wait)
    {
        int holder = 0, waiter = 0;
        using var trying = new ManualResetEventSlim();
        Thread? second = null;
        var first = StartThread("holder", () =>
        {
            holder = Environment.CurrentManagedThreadId;
            hold(() =>
            {
                second = StartThread("waiter", () =>
                {
                    waiter = Environment.CurrentManagedThreadId;
                    trying.Set();
                    wait();
                });
                trying.Wait();
                WaitUntilBlocked(second);
            });
        });
        first.Join();
        second!.Join();
        return (holder, waiter);
    }

    /// <summary>Options for tests that do not look at runtime events or samples: faster, and no extra threads.</summary>
    public static ConcurrencyLab.Timelines.TimelineOptions Quiet { get; } = new() { CaptureRuntimeEvents = false, SampleThreadPool = false };

    /// <summary>Quiet, and without CPU time: the bare recorder, for tests of millions of spans.</summary>
    public static ConcurrencyLab.Timelines.TimelineOptions Bare { get; } = Quiet with { MeasureCpuTime = false, SampleThreadStates = false };
}
