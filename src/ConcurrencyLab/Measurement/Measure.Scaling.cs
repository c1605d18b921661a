namespace ConcurrencyLab.Measurement;

public static partial class Measure
{
    /// <summary>
    /// Times <paramref name="workload"/> at degrees of parallelism 1 … <paramref name="maxDegree"/>
    /// (default 2 × <see cref="Environment.ProcessorCount"/>), sharing the budget equally, and fits Amdahl's law.
    /// The workload receives the degree and must use it, e.g. as <c>MaxDegreeOfParallelism</c> or a thread count.
    /// </summary>
    /// <example><code>var s = Measure.Scaling(dop => Parallel.For(0, 100, new() { MaxDegreeOfParallelism = dop }, i => Work(i)));</code></example>
    public static ScalingResult Scaling(Action<int> workload, int? maxDegree = null, MeasureOptions? options = null) =>
        Scaling(workload, DefaultDegrees(maxDegree), options);

    /// <summary>Times <paramref name="workload"/> at the given degrees of parallelism (1 is always added, as the reference).</summary>
    /// <example><code>Measure.Scaling(dop => Run(dop), new[] { 1, 2, 4, 8 })</code></example>
    public static ScalingResult Scaling(Action<int> workload, IEnumerable<int> degrees, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var chosen = CheckDegrees(degrees);
        options ??= MeasureOptions.Default;
        var shared = options.Validated().Share(chosen.Length);
        // The Debug/Release check must look at the learner's workload, not at this wrapper lambda of ours.
        var timings = chosen.Select(d => (d, RunSync($"degree {d}", SyncLoop(() => workload(d), shared),
            SyncLoop(static () => { }, shared), workload.Method, shared))).ToList();
        return new ScalingResult(timings, Environment.ProcessorCount, options.Budget);
    }

    /// <summary>Async scaling: each operation is one awaited <c>workload(degree)</c>.</summary>
    /// <example><code>var s = await Measure.ScalingAsync(dop => Task.WhenAll(Enumerable.Range(0, dop).Select(_ => Task.Run(Work))));</code></example>
    public static Task<ScalingResult> ScalingAsync(Func<int, Task> workload, int? maxDegree = null, MeasureOptions? options = null) =>
        ScalingAsync(workload, DefaultDegrees(maxDegree), options);

    /// <summary>Async scaling at the given degrees of parallelism (1 is always added, as the reference).</summary>
    /// <example><code>await Measure.ScalingAsync(dop => RunAsync(dop), new[] { 1, 4, 16 })</code></example>
    public static async Task<ScalingResult> ScalingAsync(Func<int, Task> workload, IEnumerable<int> degrees, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var chosen = CheckDegrees(degrees);
        options ??= MeasureOptions.Default;
        var shared = options.Validated().Share(chosen.Length);
        var timings = new List<(int, TimingResult)>();
        foreach (int d in chosen)
            timings.Add((d, await TimingEngine.RunAsync($"degree {d}", AsyncLoop(() => workload(d), shared),
                AsyncLoop(static () => Task.CompletedTask, shared), workload.Method, isAsync: true, shared).ConfigureAwait(false)));
        return new ScalingResult(timings, Environment.ProcessorCount, options.Budget);
    }

    /// <summary>
    /// 1 … max: every degree up to 8 points; beyond that powers of two plus the processor count and the maximum,
    /// so a many-core machine does not split the budget into dozens of slivers.
    /// </summary>
    internal static IEnumerable<int> DefaultDegrees(int? maxDegree, int? processorCount = null)
    {
        int processors = processorCount ?? Environment.ProcessorCount;
        int max = maxDegree ?? 2 * processors;
        if (max < 1) throw new ArgumentOutOfRangeException(nameof(maxDegree), maxDegree, "The largest degree of parallelism must be at least 1.");
        if (max <= 8) return Enumerable.Range(1, max);
        var degrees = new SortedSet<int> { max };
        for (int d = 1; d <= max; d *= 2) degrees.Add(d);
        if (processors <= max) degrees.Add(processors);
        return degrees;
    }

    private static int[] CheckDegrees(IEnumerable<int> degrees)
    {
        ArgumentNullException.ThrowIfNull(degrees);
        var set = new SortedSet<int> { 1 };
        foreach (int d in degrees)
        {
            if (d < 1) throw new ArgumentOutOfRangeException(nameof(degrees), d, "Every degree of parallelism must be at least 1.");
            set.Add(d);
        }
        return set.ToArray();
    }
}
