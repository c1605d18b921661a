namespace NotebookRunner.Tests;

/// <summary>What the tests that look for surviving kernels read from /proc.</summary>
internal static class LinuxProcesses
{
    /// <summary>True while <paramref name="pid"/> runs; a killed process nobody has reaped yet (a zombie, "Z") counts as gone.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Waits up to <paramref name="limit"/> for every one of <paramref name="pids"/> to be gone; the ones still alive.</summary>
    public static async Task<List<int>> SurvivorsAfterAsync(IEnumerable<int> pids, TimeSpan limit, CancellationToken cancellationToken)
    {
        var watched = pids.ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (watched.Any(IsAlive) && clock.Elapsed < limit) await Task.Delay(100, cancellationToken);
        return [.. watched.Where(IsAlive)];
    }
}
