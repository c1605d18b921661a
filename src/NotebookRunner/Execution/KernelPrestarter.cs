using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Execution;

/// <summary>
/// Starts kernels ahead of their notebook's turn, so that in a series a notebook's first cell does not wait
/// for a kernel to boot (about 1 s to ready plus 1.4 s of first-use work, on 2 cores). When a notebook's own
/// kernel is ready, the kernel of the notebook <c>-j</c> places further along starts: the one the same slot
/// will most likely run next. Kernels never taken are killed on dispose.
/// </summary>
internal sealed class KernelPrestarter(IReadOnlyList<NotebookJob> jobs, RunOptions options) : IAsyncDisposable
{
    private readonly Task<KernelSession>?[] _starts = new Task<KernelSession>?[jobs.Count];
    private readonly bool[] _taken = new bool[jobs.Count];
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _gate = new();

    /// <summary>The kernel for job <paramref name="index"/>: the one started ahead if it is still alive, else a new one.</summary>
    public async Task<KernelSession> TakeAsync(int index, Notebook notebook, CancellationToken cancellationToken)
    {
        Task<KernelSession>? ahead;
        lock (_gate)
        {
            ahead = _starts[index];
            _taken[index] = true;
        }

        KernelSession? session = null;
        if (ahead is not null)
        {
            try
            {
                session = await ahead.WaitAsync(cancellationToken);
                if (session.HasExited)
                {
                    await session.DisposeAsync();
                    session = null;
                }
            }
            catch (KernelUnavailableException)
            {
                // Started ahead with the file as it was then; one fresh attempt says whether it is really so.
                session = null;
            }
            catch (OperationCanceledException)
            {
                // The run is being cancelled: the kernel still starting is this slot's to kill, nobody else's.
                _ = DisposeWhenStartedAsync(ahead);
                throw;
            }
        }
        session ??= await KernelLauncher.StartAsync(jobs[index].Path, notebook, options, cancellationToken);
        StartAhead(index + Math.Max(1, options.Parallelism));
        return session;
    }

    private void StartAhead(int index)
    {
        if (!options.Prestart || index >= jobs.Count) return;
        lock (_gate)
        {
            if (_starts[index] is not null || _taken[index] || _disposed.IsCancellationRequested) return;
            _starts[index] = Task.Run(() => StartAsync(jobs[index].Path));
        }
    }

    private async Task<KernelSession> StartAsync(string path)
    {
        // An unreadable notebook fails before it asks for a kernel; starting one for it would only be waste.
        var notebook = NotebookReader.Read(path);
        return await KernelLauncher.StartAsync(path, notebook, options, _disposed.Token, ahead: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        List<Task<KernelSession>> leftovers;
        lock (_gate)
        {
            _disposed.Cancel();
            leftovers = [.. _starts.Where((start, i) => start is not null && !_taken[i]).Select(start => start!)];
        }
        foreach (var start in leftovers) await DisposeWhenStartedAsync(start);
        _disposed.Dispose();
    }

    private static async Task DisposeWhenStartedAsync(Task<KernelSession> start)
    {
        try { await (await start).DisposeAsync(); }
        catch (Exception e) when (e is KernelUnavailableException or OperationCanceledException or NotebookFormatException or IOException) { }
    }
}
