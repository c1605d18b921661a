namespace ConcurrencyLab.Measurement;

/// <summary>One alternative of a <see cref="Comparison"/>: its timing and its ratio to the baseline.</summary>
/// <example><code>comparison["Interlocked"].Ratio  // 0.25 = four times faster than the baseline</code></example>
public sealed class ComparisonEntry
{
    /// <summary>
    /// <paramref name="result"/> judged against <paramref name="baseline"/>: ratio, its spread and the verdict, as a
    /// <see cref="Comparison"/> gives them (for two timings measured apart, e.g. in two notebook cells).
    /// </summary>
    public ComparisonEntry(TimingResult result, TimingResult baseline)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(baseline);
        Result = result;
        IsBaseline = ReferenceEquals(result, baseline);
        // A baseline too fast to time (the loop overhead subtracted to 0 ns) has no meaningful ratio: NaN, shown as "n/a".
        Ratio = IsBaseline ? 1 : baseline.Mean > 0 ? result.Mean / baseline.Mean : double.NaN;
        // Relative errors add in quadrature for a quotient of two independent means.
        RatioStdDev = IsBaseline ? 0
            : double.IsFinite(Ratio) && result.Mean > 0
                ? Ratio * Math.Sqrt(Square(result.StdDev / result.Mean) + Square(baseline.StdDev / baseline.Mean))
                : double.NaN;
        if (IsBaseline)
        {
            Verdict = "baseline";
        }
        else if (!result.HasSpread || !baseline.HasSpread || !double.IsFinite(Ratio))
        {
            Verdict = double.IsFinite(Ratio) ? CannotTell : "n/a";
        }
        else
        {
            // The ratio of two means is uncertain by the standard errors of both (std dev / √repeats, in quadrature);
            // within two of them of 1, the alternatives are not told apart by this measurement.
            var error = Ratio * Math.Sqrt(Square(result.StdDev / result.Mean) / result.Repeats + Square(baseline.StdDev / baseline.Mean) / baseline.Repeats);
            IsMeasurableDifference = Math.Abs(Ratio - 1) > 2 * error;
            Verdict = !IsMeasurableDifference ? NoMeasurableDifference
                : Ratio > 1 ? $"{DurationText.Fixed(Ratio, 2)}× slower"
                : $"{DurationText.Fixed(1 / Ratio, 2)}× faster";
        }
    }

    /// <summary>The verdict where the ratio is within two standard errors of 1.</summary>
    internal const string NoMeasurableDifference = "no measurable difference";

    /// <summary>The verdict where there were no repeats to judge a ratio by.</summary>
    internal const string CannotTell = "cannot tell (no repeats to compare)";

    /// <summary>
    /// Whether this alternative differs measurably from the baseline: both have repeats, and the ratio is more than two
    /// standard errors from 1. False for the baseline itself and when there were no repeats to judge by.
    /// </summary>
    public bool IsMeasurableDifference { get; }

    /// <summary>"2.13× slower", "3.98× faster", "no measurable difference", "baseline", or why it cannot tell.</summary>
    public string Verdict { get; }

    /// <summary>The name given to this alternative.</summary>
    public string Name => Result.Name;

    /// <summary>The full timing of this alternative.</summary>
    public TimingResult Result { get; }

    /// <summary>Mean time per operation in nanoseconds divided by the baseline's (BenchmarkDotNet's "Ratio"; below 1 is faster).</summary>
    public double Ratio { get; }

    /// <summary>Standard deviation of <see cref="Ratio"/>, from both alternatives' spreads (BenchmarkDotNet's "RatioSD").</summary>
    public double RatioStdDev { get; }

    /// <summary>Whether this is the baseline (its ratio is 1).</summary>
    public bool IsBaseline { get; }

    /// <summary>Mean time per operation, in nanoseconds.</summary>
    public double Mean => Result.Mean;

    /// <summary>Standard deviation of the time per operation, in nanoseconds.</summary>
    public double StdDev => Result.StdDev;

    /// <summary>Bytes allocated per operation on all threads.</summary>
    public double Allocated => Result.Allocated;

    /// <summary>"lock: 20.1 ns ± 0.3 ns, ratio 1.00 (baseline)".</summary>
    public override string ToString() =>
        $"{Name}: {DurationText.Format(Mean)}{(Result.HasSpread ? " ± " + DurationText.Format(StdDev) : "")}, ratio {DurationText.Fixed(Ratio, 2)} ({Verdict})";

    private static double Square(double x) => x * x;
}
