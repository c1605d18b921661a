using NotebookRunner.Documents;
using NotebookRunner.Execution;
using NotebookRunner.Kernel;

namespace NotebookRunner.Cli;

/// <summary><c>nbrun run</c>: check every input, run the notebooks, write the artifacts, print the summary.</summary>
public static class RunCommand
{
    /// <summary>Runs <paramref name="settings"/>; returns the exit code.</summary>
    public static async Task<int> ExecuteAsync(RunSettings settings, TextWriter output, TextWriter error)
    {
        IReadOnlyList<NotebookJob> jobs;
        try
        {
            jobs = NotebookDiscovery.Find(settings.Paths);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"nbrun: {e.Message}");
            return ExitCodes.Usage;
        }
        if (jobs.Count == 0)
        {
            await error.WriteLineAsync($"nbrun: no notebooks found in {string.Join(", ", settings.Paths)}");
            return ExitCodes.Usage;
        }
        if (settings.Shard is { } shard)
        {
            var found = jobs.Count;
            jobs = shard.Select(jobs);
            await output.WriteLineAsync($"nbrun: shard {shard} runs {jobs.Count} of {found} notebook(s)");
            // A matrix sized for a larger series may leave a part empty: nothing to run is not a failure.
            if (jobs.Count == 0) return ExitCodes.Success;
        }

        // Bad input is found before anything runs: one line per file, naming the JSON path.
        var unreadable = new List<string>();
        foreach (var job in jobs)
        {
            try { NotebookReader.Read(job.Path); }
            catch (NotebookFormatException e) { unreadable.Add(e.Message); }
            catch (IOException e) { unreadable.Add($"{job.Path}: {e.Message}"); }
        }
        if (unreadable.Count > 0)
        {
            foreach (var line in unreadable) await error.WriteLineAsync($"nbrun: {line}");
            return ExitCodes.Usage;
        }

        // The kernel tool is resolved (and restored on a fresh machine) once, before anything runs.
        try
        {
            await KernelToolResolver.ResolveAsync(Path.GetDirectoryName(jobs[0].Path)!);
        }
        catch (KernelUnavailableException e)
        {
            await error.WriteLineAsync($"nbrun: no kernel: {e.Message}");
            return ExitCodes.Infrastructure;
        }

        var artifacts = new ArtifactWriter(settings);
        var started = DateTimeOffset.Now;
        var display = RunDisplay.Create(output);
        display.Header(jobs.Count, settings.Options);
        IReadOnlyList<NotebookResult> results;
        try
        {
            results = await display.RunAsync(observer => SuiteRunner.RunAsync(jobs, settings.Options, observer, artifacts.WriteNotebookAsync));
            await artifacts.WriteSummaryAsync(results, started);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"nbrun: could not write the artifacts: {e.Message}");
            return ExitCodes.Infrastructure;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"nbrun: could not write the artifacts: {e.Message}");
            return ExitCodes.Infrastructure;
        }

        display.Summary(results);
        foreach (var written in artifacts.Written) await output.WriteLineAsync($"wrote {written}");
        return ExitCodes.For(results);
    }
}
