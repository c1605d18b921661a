namespace ConcurrencyLab.Measurement;

/// <summary>One alternative of a <see cref="Comparison"/>: its timing and its ratio to the baseline.</summary>
/// <example><code>comparison["Interlocked"].Ratio  // 0.25 = four times faster than the baseline</code></example>
public sealed class ComparisonEntry
{
    internal ComparisonEntry(TimingResult result, TimingResult baseline)
    {
        Result = result;
        IsBaseline = ReferenceEquals(result, baseline);
        // A baseline too fast to time (the loop overhead subtracted to 0 ns) has no meaningful ratio: NaN, shown as "n/a".
        Ratio = IsBaseline ? 1 : baseline.Mean > 0 ? result.Mean / baseline.Mean : double.NaN;
        // Relative errors add in quadrature for a quotient of two independent means.
        RatioStdDev = IsBaseline ? 0
            : double.IsFinite(Ratio) && result.Mean > 0
                ? Ratio * Math.Sqrt(Square(result.StdDev / result.Mean) + Square(baseline.StdDev / baseline.Mean))
                : double.NaN;
    }

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

    /// <summary>"lock: 20.1 ns ± 0.3 ns, ratio 1.00".</summary>
    public override string ToString() =>
        $"{Name}: {DurationText.Format(Mean)} ± {DurationText.Format(StdDev)}, ratio {DurationText.Fixed(Ratio, 2)}";

    private static double Square(double x) => x * x;
}
