namespace NotebookRunner.Execution;

/// <summary>
/// Runs many notebooks, up to <see cref="RunOptions.Parallelism"/> at once, each in its own kernel, kernels started ahead;
/// a notebook that fails is run again from the start up to <see cref="RunOptions.Retries"/> times.
/// </summary>
public static class SuiteRunner
{
    /// <summary>Runs <paramref name="jobs"/> and returns their results in the jobs' order.</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(
        IReadOnlyList<NotebookJob> jobs, RunOptions options, IRunObserver? observer = null,
        Func<NotebookResult, Task>? onFinished = null, CancellationToken cancellationToken = default)
    {
        var results = new NotebookResult[jobs.Count];
        await using var prestarter = new KernelPrestarter(jobs, options);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), parallel, async (i, token) =>
        {
            var execution = new NotebookExecution(jobs[i].Path, jobs[i].Name, options, observer,
                (notebook, startToken) => prestarter.TakeAsync(i, notebook, startToken));
            var result = await execution.RunAsync(token);
            for (var attempt = 1; attempt <= options.Retries && result.IsRetryable; attempt++)
            {
                // A fresh kernel, started now: the one started ahead has been used.
                var again = new NotebookExecution(jobs[i].Path, jobs[i].Name, options, observer);
                var earlier = result.EarlierAttempts.Append($"attempt {attempt}: {result.Failure ?? result.Status.ToString()}").ToList();
                result = await again.RunAsync(token) with { EarlierAttempts = earlier };
            }
            results[i] = result;
            if (onFinished is not null) await onFinished(result);
        });
        return results;
    }
}
