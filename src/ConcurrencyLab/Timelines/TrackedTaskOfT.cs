using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Timelines;

/// <summary>A <see cref="Task{TResult}"/> being tracked by a timeline; awaiting it gives the task's result.</summary>
/// <typeparam name="T">Result type.</typeparam>
/// <example><code>var page = await tl.Track(http.GetStringAsync(url), "fetch");</code></example>
public readonly struct TrackedTask<T>
{
    private readonly TrackedOperation? _operation;

    internal TrackedTask(Task<T> task, TrackedOperation? operation)
    {
        Task = task;
        _operation = operation;
    }

    /// <summary>The tracked task.</summary>
    public Task<T> Task { get; }

    /// <summary>The awaiter; used by <c>await</c>.</summary>
    public Awaiter GetAwaiter() => new(Task.GetAwaiter(), _operation);

    /// <summary>Awaiter of a <see cref="TrackedTask{T}"/>: records the resumption, then returns the result.</summary>
    public readonly struct Awaiter : ICriticalNotifyCompletion
    {
        private readonly TaskAwaiter<T> _inner;
        private readonly TrackedOperation? _operation;

        internal Awaiter(TaskAwaiter<T> inner, TrackedOperation? operation)
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

        /// <summary>Records the resumption on the current thread and returns the task's result.</summary>
        public T GetResult()
        {
            _operation?.Resumed();
            return _inner.GetResult();
        }
    }
}
