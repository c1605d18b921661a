using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// A task being tracked by a timeline; await it like the task itself. The timeline records where the
/// task started, on which thread it completed and on which thread the awaiting code resumed.
/// </summary>
/// <example><code>await tl.Track(Task.Delay(100), "delay");</code></example>
public readonly struct TrackedTask
{
    private readonly TrackedOperation? _operation;

    internal TrackedTask(Task task, TrackedOperation? operation)
    {
        Task = task;
        _operation = operation;
    }

    /// <summary>The tracked task.</summary>
    public Task Task { get; }

    /// <summary>The awaiter; used by <c>await</c>.</summary>
    public Awaiter GetAwaiter() => new(Task.GetAwaiter(), _operation);

    /// <summary>Awaiter of a <see cref="TrackedTask"/>: records the resumption, then behaves like the task's own awaiter.</summary>
    public readonly struct Awaiter : ICriticalNotifyCompletion
    {
        private readonly TaskAwaiter _inner;
        private readonly TrackedOperation? _operation;

        internal Awaiter(TaskAwaiter inner, TrackedOperation? operation)
        {
            _inner = inner;
            _operation = operation;
        }

        /// <summary>True when the task has completed.</summary>
        public bool IsCompleted => _inner.IsCompleted;

        /// <summary>Schedules the continuation.</summary>
        public void OnCompleted(Action continuation) => _inner.OnCompleted(continuation);

        /// <summary>Schedules the continuation without flowing the execution context.</summary>
        public void UnsafeOnCompleted(Action continuation) => _inner.UnsafeOnCompleted(continuation);

        /// <summary>Runs on the resuming thread, whether the await completed synchronously or not.</summary>
        public void GetResult()
        {
            _operation?.Resumed();
            _inner.GetResult();
        }
    }
}
