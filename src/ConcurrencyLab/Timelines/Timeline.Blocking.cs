using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

// Blocked-time helpers: each records the wait (a red segment with its cause) and, where there is one,
// the hold or the release point that the "released by" line starts from.
public sealed partial class Timeline
{
    /// <summary>Enters <paramref name="gate"/> like <c>lock</c>; a contended entry is recorded as blocked, the hold as running.</summary>
    /// <example><code>using (tl.Lock(gate, "update total")) { total += x; }</code></example>
    public HeldScope Lock(object gate, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        label ??= "lock";
        if (!_recording)
        {
            Monitor.Enter(gate);
            return new HeldScope(null, gate, label, 0, 0, CpuReading.None);
        }
        // Only a failed TryEnter is a real wait: uncontended entries stay out of the blocked figures.
        if (!Monitor.TryEnter(gate))
        {
            var start = Stopwatch.GetTimestamp();
            Monitor.Enter(gate);
            Append(EventKind.Blocked, BlockCause.Lock, start, Stopwatch.GetTimestamp(), label, gate, 0);
        }
        var held = Stopwatch.GetTimestamp();
        return new HeldScope(this, gate, label, held, Environment.CurrentManagedThreadId, CpuStartForHold());
    }

    /// <summary>Waits for a slot of <paramref name="semaphore"/>; dispose the result to release it.</summary>
    /// <example><code>using (tl.Enter(throttle, "download")) { Download(); }</code></example>
    public HeldScope Enter(SemaphoreSlim semaphore, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        label ??= "semaphore";
        if (!semaphore.Wait(0))
        {
            var start = Stopwatch.GetTimestamp();
            semaphore.Wait();
            Append(EventKind.Blocked, BlockCause.Semaphore, start, Stopwatch.GetTimestamp(), label, semaphore, 0);
        }
        if (!_recording) return new HeldScope(null, semaphore, label, 0, 0, CpuReading.None);
        var held = Stopwatch.GetTimestamp();
        return new HeldScope(this, semaphore, label, held, Environment.CurrentManagedThreadId, CpuStartForHold());
    }

    /// <summary>Releases <paramref name="semaphore"/> (used as a signal) and records the release point.</summary>
    public void Release(SemaphoreSlim semaphore)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        ReleasePoint(semaphore, "Release()");
        semaphore.Release();
    }

    /// <summary>Waits until <paramref name="signal"/> is set, recording the blocked time.</summary>
    public void Wait(ManualResetEventSlim signal, string? label = null) => Wait(signal, Timeout.InfiniteTimeSpan, label);

    /// <summary>Waits on any wait handle (AutoResetEvent, ManualResetEvent, Mutex, Semaphore), recording the blocked time.</summary>
    public void Wait(WaitHandle handle, string? label = null) => Wait(handle, Timeout.InfiniteTimeSpan, label);

    /// <summary>Waits until <paramref name="countdown"/> reaches zero, recording the blocked time.</summary>
    public void Wait(CountdownEvent countdown, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        var start = Stopwatch.GetTimestamp();
        countdown.Wait();
        Append(EventKind.Blocked, BlockCause.Event, start, Stopwatch.GetTimestamp(), label ?? "wait for countdown", countdown, 0);
    }

    /// <summary>Blocks until <paramref name="task"/> completes (like <c>task.Wait()</c>), recording the blocked time.</summary>
    public void Wait(Task task, string? label = null) => Wait(task, Timeout.InfiniteTimeSpan, label);

    /// <summary>Blocks for <paramref name="task"/>'s result (like <c>task.Result</c>), recording the blocked time.</summary>
    public T Result<T>(Task<T> task, string? label = null)
    {
        Wait((Task)task, label ?? "task.Result");
        return task.Result;
    }

    /// <summary>Sets <paramref name="signal"/> and records the release point for the waiters it wakes.</summary>
    public void Set(ManualResetEventSlim signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ReleasePoint(signal, "Set()");
        signal.Set();
    }

    /// <summary>Sets <paramref name="signal"/> (AutoResetEvent, ManualResetEvent) and records the release point.</summary>
    public void Set(EventWaitHandle signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ReleasePoint(signal, "Set()");
        signal.Set();
    }

    /// <summary>Signals <paramref name="countdown"/> once and records the release point.</summary>
    public void Signal(CountdownEvent countdown)
    {
        ArgumentNullException.ThrowIfNull(countdown);
        ReleasePoint(countdown, "Signal()");
        countdown.Signal();
    }

    /// <summary>Arrives at <paramref name="barrier"/> and waits for the others; the last to arrive is drawn as the releaser.</summary>
    public void SignalAndWait(Barrier barrier, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        // Every arrival is a potential release; the latest one before a waiter wakes is the one that freed it.
        ReleasePoint(barrier, "arrived");
        var start = Stopwatch.GetTimestamp();
        barrier.SignalAndWait();
        Append(EventKind.Blocked, BlockCause.Barrier, start, Stopwatch.GetTimestamp(), label ?? $"barrier phase {barrier.CurrentPhaseNumber - 1}", barrier, 0);
    }

    /// <summary>Waits for <paramref name="thread"/> to finish, recording the blocked time and a line from its last activity.</summary>
    public void Join(Thread thread, string? label = null) => Join(thread, Timeout.InfiniteTimeSpan, label);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for <paramref name="thread"/> to finish (like <c>Join(timeout)</c>),
    /// recording the blocked time; false when the thread was still running at the timeout.
    /// </summary>
    /// <example><code>if (!tl.Join(worker, TimeSpan.FromMilliseconds(50))) Console.WriteLine("still running");</code></example>
    public bool Join(Thread thread, TimeSpan timeout, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(thread);
        var start = Stopwatch.GetTimestamp();
        var finished = thread.Join(timeout);
        label ??= timeout == Timeout.InfiniteTimeSpan
            ? $"Join(T{thread.ManagedThreadId})"
            : TimedLabel($"Join(T{thread.ManagedThreadId}, {timeout.TotalMilliseconds:0} ms)", finished);
        Append(EventKind.Blocked, BlockCause.Join, start, Stopwatch.GetTimestamp(), label, null, finished ? thread.ManagedThreadId : 0);
        return finished;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="signal"/>; false when it timed out.</summary>
    public bool Wait(ManualResetEventSlim signal, TimeSpan timeout, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.IsSet) return true;
        var start = Stopwatch.GetTimestamp();
        var set = signal.Wait(timeout);
        Append(EventKind.Blocked, BlockCause.Event, start, Stopwatch.GetTimestamp(), TimedLabel(label ?? "wait for event", set), set ? signal : null, 0);
        return set;
    }

    /// <summary>Waits up to <paramref name="timeout"/> on a wait handle; false when it timed out.</summary>
    public bool Wait(WaitHandle handle, TimeSpan timeout, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var start = Stopwatch.GetTimestamp();
        var signaled = handle.WaitOne(timeout);
        Append(EventKind.Blocked, BlockCause.Event, start, Stopwatch.GetTimestamp(),
            TimedLabel(label ?? "wait for " + handle.GetType().Name, signaled), signaled ? handle : null, 0);
        return signaled;
    }

    /// <summary>Blocks up to <paramref name="timeout"/> for <paramref name="task"/> (like <c>task.Wait(timeout)</c>); false when it timed out.</summary>
    /// <exception cref="AggregateException">The task faulted or was canceled, as <c>task.Wait</c> throws.</exception>
    public bool Wait(Task task, TimeSpan timeout, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var start = Stopwatch.GetTimestamp();
        var completed = false;
        try
        {
            completed = task.Wait(timeout);
            return completed;
        }
        finally
        {
            Append(EventKind.Blocked, BlockCause.Task, start, Stopwatch.GetTimestamp(),
                TimedLabel(label ?? "task.Wait()", completed || task.IsCompleted), task, 0);
        }
    }

    private static string TimedLabel(string label, bool succeeded) => succeeded ? label : label + ": timed out";

    /// <summary>Records any other wait: the time until the scope is disposed counts as blocked by <paramref name="cause"/>.</summary>
    /// <example><code>using (tl.Blocked("queue full")) { queue.Add(item); }</code></example>
    public BlockedScope Blocked(string label, BlockCause cause = BlockCause.Other) =>
        _recording ? new BlockedScope(this, label, cause, Stopwatch.GetTimestamp()) : default;

    private void ReleasePoint(object target, string label)
    {
        if (!_recording) return;
        var now = Stopwatch.GetTimestamp();
        Append(EventKind.Release, default, now, now, label, target, 0);
    }
}
