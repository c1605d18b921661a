namespace ConcurrencyLab.Measurement;

public static partial class Measure
{
    /// <summary>The default time between samples of <see cref="Sample(Action, TimeSpan?, MeasureOptions?)"/>.</summary>
    public static readonly TimeSpan DefaultSampleInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Runs <paramref name="code"/> once and samples the thread pool, lock contentions and GC heap every
    /// <paramref name="interval"/> (10 ms) on a dedicated thread. Sampling stops at the budget (2 s) even if
    /// the code runs on, and the result says so; the call itself returns when the code ends.
    /// </summary>
    /// <example><code>var s = Measure.Sample(() => Parallel.For(0, 100, _ => Thread.Sleep(20)));</code></example>
    public static SamplingResult Sample(Action code, TimeSpan? interval = null, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        var sampler = StartSampler(interval, options);
        try
        {
            code();
        }
        finally
        {
            sampler.Stop();
        }
        return Finish(sampler);
    }

    /// <summary>Samples the counters while async code runs, until its task completes.</summary>
    /// <example><code>var s = await Measure.SampleAsync(() => Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Thread.Sleep(100)))));</code></example>
    public static async Task<SamplingResult> SampleAsync(Func<Task> code, TimeSpan? interval = null, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        var sampler = StartSampler(interval, options);
        try
        {
            await (code() ?? throw new InvalidOperationException("The sampled async code returned a null Task.")).ConfigureAwait(false);
        }
        finally
        {
            sampler.Stop();
        }
        return Finish(sampler);
    }

    private static CounterSampler StartSampler(TimeSpan? interval, MeasureOptions? options)
    {
        var every = interval ?? DefaultSampleInterval;
        if (every <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), every, "The sampling interval must be positive.");
        options = (options ?? MeasureOptions.Default).Validated();
        var sampler = new CounterSampler(options.Clock, every, options.Budget);
        sampler.Start();
        return sampler;
    }

    private static SamplingResult Finish(CounterSampler sampler) =>
        new(sampler.Samples, sampler.Duration, sampler.Interval, sampler.Budget, sampler.BudgetCut);
}
