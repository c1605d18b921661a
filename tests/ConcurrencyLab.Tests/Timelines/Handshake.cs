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

    /// <summary>Options for tests that do not look at runtime events or samples: faster, and no extra threads.</summary>
    public static ConcurrencyLab.Timelines.TimelineOptions Quiet { get; } = new() { CaptureRuntimeEvents = false, SampleThreadPool = false };
}
