namespace ConcurrencyLab.Measurement;

/// <summary>
/// Amdahl's law: with a serial fraction <c>f</c>, <c>p</c> processors give a speedup of <c>1 / (f + (1 − f) / p)</c>.
/// </summary>
/// <example><code>Amdahl.Speedup(serialFraction: 0.1, processors: 8)  // 4.7</code></example>
public static class Amdahl
{
    /// <summary>The speedup Amdahl's law predicts for <paramref name="processors"/> with <paramref name="serialFraction"/> (0…1).</summary>
    public static double Speedup(double serialFraction, double processors)
    {
        if (serialFraction is < 0 or > 1 || double.IsNaN(serialFraction))
            throw new ArgumentOutOfRangeException(nameof(serialFraction), serialFraction, "The serial fraction must be between 0 and 1.");
        if (!(processors >= 1))
            throw new ArgumentOutOfRangeException(nameof(processors), processors, "At least one processor is needed.");
        return 1 / (serialFraction + (1 - serialFraction) / processors);
    }

    /// <summary>
    /// The serial fraction (0…1) whose Amdahl curve fits the measured speedups best in the least-squares sense
    /// (sum of squared speedup differences).
    /// </summary>
    /// <param name="processors">Processors used at each point (for a thread count above the core count, pass the core count).</param>
    /// <param name="speedups">Measured speedup at each point.</param>
    /// <example><code>Amdahl.FitSerialFraction(new[] { 1.0, 2, 4 }, new[] { 1.0, 1.8, 3.0 })</code></example>
    public static double FitSerialFraction(IReadOnlyList<double> processors, IReadOnlyList<double> speedups)
    {
        ArgumentNullException.ThrowIfNull(processors);
        ArgumentNullException.ThrowIfNull(speedups);
        if (processors.Count != speedups.Count)
            throw new ArgumentException($"{processors.Count} processor counts but {speedups.Count} speedups.", nameof(speedups));
        if (processors.Count == 0)
            throw new ArgumentException("At least one point is needed.", nameof(processors));
        foreach (double p in processors)
            if (!(p >= 1)) throw new ArgumentOutOfRangeException(nameof(processors), p, "Every processor count must be at least 1.");

        double Error(double f)
        {
            double sum = 0;
            for (int i = 0; i < processors.Count; i++)
            {
                double d = Speedup(f, processors[i]) - speedups[i];
                sum += d * d;
            }
            return sum;
        }

        // The error is smooth in f but need not be convex, so a grid finds the right valley and a
        // golden-section search inside the neighbouring grid cells refines it.
        const int Steps = 1000;
        int best = 0;
        double bestError = double.PositiveInfinity;
        for (int i = 0; i <= Steps; i++)
        {
            double e = Error(i / (double)Steps);
            if (e < bestError) (best, bestError) = (i, e);
        }
        double lo = Math.Max(0, (best - 1) / (double)Steps), hi = Math.Min(1, (best + 1) / (double)Steps);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
        double ea = Error(a), eb = Error(b);
        for (int i = 0; i < 60; i++)
        {
            if (ea <= eb) { hi = b; b = a; eb = ea; a = hi - ratio * (hi - lo); ea = Error(a); }
            else { lo = a; a = b; ea = eb; b = lo + ratio * (hi - lo); eb = Error(b); }
        }
        double refined = (lo + hi) / 2;
        return Error(refined) <= bestError ? refined : best / (double)Steps;
    }
}
