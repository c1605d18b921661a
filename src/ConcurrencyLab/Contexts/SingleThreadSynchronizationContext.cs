namespace ConcurrencyLab.Contexts;

/// <summary>
/// The <see cref="SynchronizationContext"/> installed on a <see cref="SingleThreadContext"/>'s thread: every
/// <see cref="Post"/> (which is how <c>await</c> resumes) queues the continuation for that one thread, as a UI
/// framework's context does.
/// </summary>
public sealed class SingleThreadSynchronizationContext : SynchronizationContext
{
    private readonly SingleThreadContext _owner;

    internal SingleThreadSynchronizationContext(SingleThreadContext owner) => _owner = owner;

    /// <summary>The thread every posted callback runs on.</summary>
    public SingleThreadContext Owner => _owner;

    /// <summary>Queues <paramref name="d"/> to run on the context's thread and returns at once.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        _owner.Enqueue(d, state);
    }

    /// <summary>Runs <paramref name="d"/> on the context's thread and waits for it (inline when already on it).</summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        _owner.Invoke(() => d(state));
    }

    /// <summary>The same context: there is one thread, so there is nothing to copy.</summary>
    public override SynchronizationContext CreateCopy() => this;
}
