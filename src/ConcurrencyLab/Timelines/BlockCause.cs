namespace ConcurrencyLab.Timelines;

/// <summary>Why a thread was blocked; blocked time is reported per cause. One byte, so a raw event stays 32 bytes.</summary>
public enum BlockCause : byte
{
    /// <summary>Waiting to enter a <c>lock</c> (Monitor) through <see cref="Timeline.Lock"/>.</summary>
    Lock,

    /// <summary>Lock contention seen by the runtime's own events (no instrumentation needed).</summary>
    Contention,

    /// <summary>Waiting on a <see cref="SemaphoreSlim"/>.</summary>
    Semaphore,

    /// <summary>Waiting on an event (ManualResetEventSlim, a WaitHandle, CountdownEvent).</summary>
    Event,

    /// <summary>Waiting for the other participants of a <see cref="System.Threading.Barrier"/>.</summary>
    Barrier,

    /// <summary>Waiting for a thread to finish (<see cref="Thread.Join()"/>).</summary>
    Join,

    /// <summary>Blocking on a task (<c>Wait()</c>, <c>.Result</c>).</summary>
    Task,

    /// <summary>Any other wait, recorded with <see cref="Timeline.Blocked"/>.</summary>
    Other,
}
