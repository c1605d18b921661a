using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

public sealed class AmdahlTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.25)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Recovers_the_serial_fraction_of_exact_Amdahl_data(double f)
    {
        double[] processors = { 1, 2, 3, 4, 6, 8, 16 };
        var speedups = processors.Select(p => Amdahl.Speedup(f, p)).ToArray();

        Assert.Equal(f, Amdahl.FitSerialFraction(processors, speedups), 6);
    }

    [Fact]
    public void Fits_noisy_data_by_least_squares()
    {
        double[] processors = { 1, 2, 4, 8 };
        double[] noise = { 0.0, 0.03, -0.05, 0.04 };
        var speedups = processors.Select((p, i) => Amdahl.Speedup(0.1, p) + noise[i]).ToArray();

        double fitted = Amdahl.FitSerialFraction(processors, speedups);

        double Sse(double f) => processors.Select((p, i) => Math.Pow(Amdahl.Speedup(f, p) - speedups[i], 2)).Sum();
        Assert.InRange(fitted, 0.08, 0.12);
        Assert.True(Sse(fitted) <= Sse(fitted + 1e-4) && Sse(fitted) <= Sse(fitted - 1e-4), "not a least-squares minimum");
    }

    [Fact]
    public void Speedup_follows_the_law()
    {
        Assert.Equal(1, Amdahl.Speedup(0.3, 1), 12);
        Assert.Equal(1 / (0.1 + 0.9 / 8), Amdahl.Speedup(0.1, 8), 12);
        Assert.Equal(8, Amdahl.Speedup(0, 8), 12);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("serialFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Amdahl.Speedup(1.5, 2)).ParamName);
        Assert.Equal("speedups", Assert.Throws<ArgumentException>(() => Amdahl.FitSerialFraction(new[] { 1.0 }, new[] { 1.0, 2 })).ParamName);
        Assert.Equal("processors", Assert.Throws<ArgumentOutOfRangeException>(() => Amdahl.FitSerialFraction(new[] { 0.5 }, new[] { 1.0 })).ParamName);
    }
}
