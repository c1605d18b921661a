namespace ConcurrencyLab.Interactive.Cells;

/// <summary>
/// A cell that runs once while something records it (a timeline, thread-pool samples). Recording begins from the
/// cell's own first statement, so the kernel's compile time is not in it, and ends exactly once: when the cell
/// finishes, fails, or is cancelled, whichever comes first.
/// </summary>
internal abstract class RecordedCell
{
    private readonly object _gate = new();
    private bool _begun;
    private bool _ended;

    /// <summary>Called by the cell's first statement.</summary>
    public void Begin()
    {
        lock (_gate)
        {
            if (_begun) return;
            _begun = true;
            OnBegin();
        }
    }

    /// <summary>Ends the recording; false if the cell never began (it did not compile) or it has already ended.</summary>
    public bool TryEnd()
    {
        lock (_gate)
        {
            if (!_begun || _ended) return false;
            _ended = true;
        }
        OnEnd();
        return true;
    }

    /// <summary>The recording, once ended.</summary>
    public abstract object Result { get; }

    private int _shown;

    /// <summary>
    /// True exactly once, after the recording has ended: the one caller that gets true shows it. The cell's code may
    /// have ended it, or the magic does now (the code threw, was cancelled, or ended in an await).
    /// </summary>
    public bool EndForDisplay()
    {
        TryEnd();
        lock (_gate)
        {
            if (!_ended) return false;
        }
        return Interlocked.Exchange(ref _shown, 1) == 0;
    }

    protected abstract void OnBegin();

    protected abstract void OnEnd();
}
