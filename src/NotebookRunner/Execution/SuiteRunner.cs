namespace NotebookRunner.Execution;

/// <summary>Runs many notebooks, up to <see cref="RunOptions.Parallelism"/> at once, each in its own worker process.</summary>
public static class SuiteRunner
{
    /// <summary>Runs <paramref name="jobs"/> and returns their results in the jobs' order.</summary>
    public static async Task<IReadOnlyList<NotebookResult>> RunAsync(
        IReadOnlyList<NotebookJob> jobs, RunOptions options, IRunObserver? observer = null,
        Func<NotebookResult, Task>? onFinished = null, CancellationToken cancellationToken = default)
    {
        var results = new NotebookResult[jobs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), parallel, async (i, token) =>
        {
            var result = await new NotebookExecution(jobs[i].Path, jobs[i].Name, options, observer).RunAsync(token);
            results[i] = result;
            if (onFinished is not null) await onFinished(result);
        });
        return results;
    }
}
