using System.Collections.Concurrent;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Contexts;

/// <summary>
/// A dedicated thread with a message loop and its own <see cref="SynchronizationContext"/>: a stand-in for a UI
/// thread (WinForms, WPF, MAUI) or classic ASP.NET's request context. Code started with <see cref="InvokeAsync"/>
/// resumes on this one thread after every <c>await</c> that does not use <c>ConfigureAwait(false)</c>, so a
/// timeline shows all its continuations in one lane, and blocking that thread on a task that needs it
/// reproduces the sync-over-async deadlock.
/// </summary>
/// <example><code>using var ui = new SingleThreadContext("UI");
/// await ui.InvokeAsync(async () => { await Task.Delay(10); /* back on "UI" here */ });</code></example>
[TypeFormatterSource(typeof(PlainTextFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.PlainText })]
public sealed class SingleThreadContext : IDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly ConcurrentQueue<Exception> _unhandled = new();
    private long _processed;
    private int _disposed;

    /// <summary>Starts the thread and its message loop.</summary>
    /// <param name="name">The thread's name, shown as its lane on timelines.</param>
    public SingleThreadContext(string name = "UI")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        SynchronizationContext = new SingleThreadSynchronizationContext(this);
        // Background, so a context left blocked by a deadlock demonstration can never keep the process alive.
        Thread = new Thread(RunLoop) { Name = name, IsBackground = true };
        Thread.Start();
    }

    /// <summary>The thread's name.</summary>
    public string Name { get; }

    /// <summary>The one thread that runs everything posted here.</summary>
    public Thread Thread { get; }

    /// <summary>The context installed on <see cref="Thread"/> (what <c>SynchronizationContext.Current</c> returns there).</summary>
    public SynchronizationContext SynchronizationContext { get; }

    /// <summary>True when called on <see cref="Thread"/>.</summary>
    public bool IsCurrentThread => Thread.CurrentThread == Thread;

    /// <summary>Callbacks waiting in the queue.</summary>
    public int PendingCount => _queue.Count;

    /// <summary>Callbacks run so far.</summary>
    public long ProcessedCount => Interlocked.Read(ref _processed);

    /// <summary>
    /// Exceptions thrown by posted callbacks, such as an <c>async void</c> method's. A UI framework would crash
    /// the app with them; this context keeps them here (and raises <see cref="UnhandledException"/>) instead.
    /// </summary>
    public IReadOnlyCollection<Exception> UnhandledExceptions => _unhandled.ToArray();

    /// <summary>Raised on <see cref="Thread"/> when a posted callback throws.</summary>
    public event EventHandler<Exception>? UnhandledException;

    /// <summary>Queues <paramref name="action"/> to run on the thread and returns at once.</summary>
    /// <exception cref="ObjectDisposedException">The context has been disposed.</exception>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Enqueue(static state => ((Action)state!)(), action);
    }

    /// <summary>Runs <paramref name="action"/> on the thread and waits for it, rethrowing its exception.</summary>
    public void Invoke(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Invoke<object?>(() => { action(); return null; });
    }

    /// <summary>Runs <paramref name="function"/> on the thread, waits for it and returns its result.</summary>
    public T Invoke<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (IsCurrentThread)
            return function();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(_ => Complete(done, function), null);
        // GetResult rethrows the function's own exception with its original stack trace.
        return done.Task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Starts <paramref name="function"/> on the thread with this context current, so its awaits resume here;
    /// the returned task completes when the function's task does.
    /// </summary>
    public Task InvokeAsync(Func<Task> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return InvokeAsync(async () => { await function(); return true; });
    }

    /// <summary>As <see cref="InvokeAsync(Func{Task})"/>, with a result.</summary>
    public Task<T> InvokeAsync<T>(Func<Task<T>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        // Asynchronous continuations: whoever awaits this task from elsewhere must not be resumed on our thread.
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(_ => StartAsync(done, function), null);
        return done.Task;
    }

    /// <summary>
    /// Stops the loop after the callbacks already queued, and waits up to 5 s for the thread. A thread still
    /// blocked after that (a deadlock left on purpose) is abandoned; it is a background thread.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _queue.CompleteAdding();
        if (!IsCurrentThread)
            Thread.Join(StopTimeout);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SingleThreadContext \"{Name}\" (thread {Thread.ManagedThreadId}, {ProcessedCount} callbacks run, {PendingCount} pending)";

    internal void Enqueue(SendOrPostCallback callback, object? state)
    {
        // A continuation posted after Dispose (an await that finished late) must still run somewhere: losing it
        // would hang whoever waits on it. Run it on the pool rather than throw inside the awaiter machinery.
        try
        {
            _queue.Add((callback, state));
        }
        catch (InvalidOperationException) when (_queue.IsAddingCompleted)
        {
            // CompleteAdding raced with us; any check before Add would race the same way.
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }
    }

    private void RunLoop()
    {
        SynchronizationContext.SetSynchronizationContext(SynchronizationContext);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            try
            {
                callback(state);
            }
            catch (Exception exception)
            {
                _unhandled.Enqueue(exception);
                UnhandledException?.Invoke(this, exception);
            }
            Interlocked.Increment(ref _processed);
        }
    }

    private static void Complete<T>(TaskCompletionSource<T> done, Func<T> function)
    {
        try { done.SetResult(function()); }
        catch (Exception exception) { done.SetException(exception); }
    }

    private static async void StartAsync<T>(TaskCompletionSource<T> done, Func<Task<T>> function)
    {
        // async void on purpose, and safe: every exception is caught into the task.
        try { done.SetResult(await function()); }
        catch (OperationCanceledException canceled) { done.SetCanceled(canceled.CancellationToken); }
        catch (Exception exception) { done.SetException(exception); }
    }
}
