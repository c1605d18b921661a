namespace ConcurrencyLab.Measurement;

/// <summary>
/// How a measurement runs. The defaults are IPython <c>%timeit</c>'s (loop count calibrated in powers of ten
/// until one repeat takes at least 0.2 s, 7 repeats) inside a 2 s budget.
/// </summary>
/// <example><code>var r = Measure.Time(() => Work(), new MeasureOptions { Budget = TimeSpan.FromSeconds(5) });</code></example>
public sealed record MeasureOptions
{
    /// <summary>The defaults: 2 s budget, 7 repeats, 0.2 s per repeat.</summary>
    public static MeasureOptions Default { get; } = new();

    /// <summary>
    /// The most wall time the whole measurement (warm-up, calibration, forced GCs and repeats) may take.
    /// When the %timeit rules would exceed it, the loop count or the number of repeats is cut and the result says so.
    /// A single call that alone exceeds the budget is the only run (its time includes JIT compilation), and says so.
    /// </summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How notes tell the reader to change the budget: the setting's name where the measurement was asked for
    /// (<c>MeasureOptions.Budget</c> in code; a front end such as the <c>#!measure</c> magic names its own option, <c>--budget</c>).
    /// </summary>
    public string BudgetSettingName { get; init; } = "MeasureOptions.Budget";

    /// <summary>How many timed repeats to run (%timeit's <c>-r</c>); at least 1.</summary>
    public int Repeats { get; init; } = 7;

    /// <summary>
    /// The loop count is raised in powers of ten until one repeat takes at least this long (%timeit: 0.2 s).
    /// </summary>
    public TimeSpan MinRepeatTime { get; init; } = TimeSpan.FromSeconds(0.2);

    /// <summary>
    /// The least time the code runs, discarded, before calibration and the timed repeats, so tiered compilation
    /// has replaced the first quick JIT code with optimised code (BenchmarkDotNet's warm-up stage; %timeit needs
    /// none). Warm-up then goes on while the JIT is still compiling (up to 4× this, and at most 40% of the budget),
    /// because the runtime optimises hot code only after about 100 ms without new JIT activity.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(0.25);

    /// <summary>
    /// Subtract the cost of the timing loop itself (calling an empty delegate of the same kind, the fastest of a
    /// few short runs) from every repeat, as BenchmarkDotNet subtracts its overhead; %timeit does not.
    /// The amount is <see cref="TimingResult.Overhead"/>.
    /// </summary>
    public bool SubtractOverhead { get; init; } = true;

    /// <summary>A fixed loop count per repeat (%timeit's <c>-n</c>); <c>null</c> calibrates it.</summary>
    public long? Loops { get; init; }

    /// <summary>The clock; tests replace it with a deterministic one.</summary>
    internal ITimestampClock Clock { get; init; } = StopwatchClock.Instance;

    /// <summary>
    /// How many methods the JIT has compiled in the process; warm-up goes on while this still moves (tiered
    /// compilation at work). Tests replace it with a constant so warm-up length depends on the fake clock only.
    /// </summary>
    internal Func<long> JitCompiledMethods { get; init; } = static () => System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);

    /// <summary>
    /// The options for one of <paramref name="parts"/> measurements sharing this budget (a comparison's
    /// alternatives, a scaling run's degrees): each gets an equal slice, and the repeat time shrinks so the
    /// repeats still fit in the slice (a warm-up and a calibration run are allowed for).
    /// </summary>
    internal MeasureOptions Share(int parts)
    {
        var slice = Budget / parts;
        var repeatTime = slice / (Repeats + 3);
        var warmUp = slice / 4;
        return this with
        {
            Budget = slice,
            MinRepeatTime = repeatTime < MinRepeatTime ? repeatTime : MinRepeatTime,
            WarmUp = warmUp < WarmUp ? warmUp : WarmUp,
        };
    }

    /// <summary>Checks the values and names the one that is wrong.</summary>
    internal MeasureOptions Validated()
    {
        if (Budget <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "The budget must be positive.");
        if (Repeats < 1)
            throw new ArgumentOutOfRangeException(nameof(Repeats), Repeats, "At least one repeat is needed.");
        if (MinRepeatTime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MinRepeatTime), MinRepeatTime, "The repeat time must be positive.");
        if (WarmUp < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(WarmUp), WarmUp, "The warm-up time cannot be negative.");
        if (Loops is < 1)
            throw new ArgumentOutOfRangeException(nameof(Loops), Loops, "The loop count must be at least 1.");
        return this;
    }
}
