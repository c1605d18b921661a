namespace ConcurrencyLab.Measurement;

/// <summary>Formats BenchmarkDotNet's diagnoser columns the way its tables show them.</summary>
internal static class CounterText
{
    /// <summary>Bytes per operation: "-" for none, then B, KB, MB (BenchmarkDotNet uses 1024-based units).</summary>
    public static string Bytes(double bytes)
    {
        if (Math.Abs(bytes) < 0.5) return "-";
        return Math.Abs(bytes) switch
        {
            >= 1024 * 1024 => DurationText.Fixed(bytes / (1024 * 1024), 2) + " MB",
            >= 1024 => DurationText.Fixed(bytes / 1024, 2) + " KB",
            _ => DurationText.Fixed(bytes, 0) + " B",
        };
    }

    /// <summary>Collections per 1,000 operations: "-" for none.</summary>
    public static string PerThousand(double value) => value == 0 ? "-" : DurationText.Fixed(value, 4);

    /// <summary>A count per operation: "-" for none.</summary>
    public static string PerOperation(double value) => value == 0 ? "-" : DurationText.Significant(value, 4);
}
