namespace ConcurrencyLab.Timelines;

// Async-aware recording: a tracked task becomes an async operation row, with lines from the thread
// that started it and to the thread its awaiting code resumed on.
public sealed partial class Timeline
{
    /// <summary>Tracks <paramref name="task"/>; await the result as you would the task.</summary>
    /// <example><code>await tl.Track(Task.Delay(50), "delay 50 ms");</code></example>
    public TrackedTask Track(Task task, string label)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TrackedTask(task, Begin(task, label));
    }

    /// <summary>Tracks <paramref name="task"/>; awaiting the result gives the task's value.</summary>
    /// <example><code>var text = await tl.Track(File.ReadAllTextAsync(path), "read");</code></example>
    public TrackedTask<T> Track<T>(Task<T> task, string label)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TrackedTask<T>(task, Begin(task, label));
    }

    private TrackedOperation? Begin(Task task, string label)
    {
        if (!_recording) return null;
        var operation = new TrackedOperation(this, label);
        // Synchronous continuation: it runs on the thread that completes the task, which is what we want to see.
        // Some tasks force every continuation onto the pool (RunContinuationsAsynchronously, SemaphoreSlim.WaitAsync);
        // Stop waits for those so a task that finished while recording keeps its row.
        var tracking = task.ContinueWith(static (_, state) => ((TrackedOperation)state!).Completed(), operation,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _tracking.Enqueue((task, tracking));
        return operation;
    }

    private static readonly TimeSpan TrackedCompletionFlushTimeout = TimeSpan.FromSeconds(1);

    private readonly System.Collections.Concurrent.ConcurrentQueue<(Task Source, Task Tracking)> _tracking = new();

    /// <summary>Lets the queued completion records of tasks that already finished land before recording stops.</summary>
    private void FlushTrackedCompletions()
    {
        var due = _tracking.Where(t => t.Source.IsCompleted && !t.Tracking.IsCompleted).Select(t => t.Tracking).ToArray();
        _tracking.Clear();
        if (due.Length > 0)
            Task.WaitAll(due, TrackedCompletionFlushTimeout);
    }
}
