namespace ConcurrencyLab.Measurement;

/// <summary>One degree of parallelism of a <see cref="ScalingResult"/>.</summary>
/// <example><code>scaling[2].Speedup</code></example>
public sealed class ScalingPoint
{
    internal ScalingPoint(int degree, TimingResult result, TimingResult serial)
    {
        Degree = degree;
        Result = result;
        Speedup = serial.Mean / result.Mean;
        SpeedupStdDev = Speedup * Math.Sqrt(Square(result.StdDev / result.Mean) + Square(serial.StdDev / serial.Mean));
    }

    /// <summary>The degree of parallelism the workload was given.</summary>
    public int Degree { get; }

    /// <summary>The timing at this degree (time per run of the workload).</summary>
    public TimingResult Result { get; }

    /// <summary>Time at degree 1 divided by the time at this degree.</summary>
    public double Speedup { get; }

    /// <summary>Standard deviation of <see cref="Speedup"/>, from both timings' spreads.</summary>
    public double SpeedupStdDev { get; }

    /// <summary>Speedup per degree of parallelism (1 = perfect scaling).</summary>
    public double Efficiency => Speedup / Degree;

    /// <summary>Mean time per run of the workload at this degree, in nanoseconds.</summary>
    public double Mean => Result.Mean;

    /// <summary>"4: 1.87× (12.3 ms)".</summary>
    public override string ToString() => $"{Degree}: {DurationText.Fixed(Speedup, 2)}× ({DurationText.Format(Mean)})";

    private static double Square(double x) => x * x;
}
