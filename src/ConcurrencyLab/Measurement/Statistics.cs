namespace ConcurrencyLab.Measurement;

/// <summary>The few summary statistics %timeit and BenchmarkDotNet report.</summary>
internal static class Statistics
{
    public static double Mean(IReadOnlyList<double> values)
    {
        RequireValues(values);
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Count;
    }

    /// <summary>Population standard deviation, as %timeit prints it (divides by n, not n − 1).</summary>
    public static double PopulationStdDev(IReadOnlyList<double> values)
    {
        double mean = Mean(values);
        double sum = 0;
        foreach (double v in values) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / values.Count);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        RequireValues(values);
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static void RequireValues(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("At least one value is needed.", nameof(values));
    }
}
