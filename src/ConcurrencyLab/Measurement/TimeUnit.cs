namespace ConcurrencyLab.Measurement;

/// <summary>One unit for a whole chart axis, chosen from its largest value, so bars compare at a glance.</summary>
internal readonly record struct TimeUnit(double NanosecondsPerUnit, string Symbol)
{
    public static TimeUnit For(double largestNanoseconds) => Math.Abs(largestNanoseconds) switch
    {
        >= 1e9 => new TimeUnit(1e9, "s"),
        >= 1e6 => new TimeUnit(1e6, "ms"),
        >= 1e3 => new TimeUnit(1e3, "µs"),
        _ => new TimeUnit(1, "ns"),
    };

    public double Convert(double nanoseconds) => nanoseconds / NanosecondsPerUnit;
}
