using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

public sealed class ScalingTests
{
    [Fact]
    public void Speedup_and_the_Amdahl_fit_come_from_the_times_per_degree()
    {
        var clock = new FakeClock();
        int processors = Environment.ProcessorCount;
        const double SerialFraction = 0.2, Serial = 1e6; // 1 ms at degree 1
        var s = Measure.Scaling(
            dop => clock.Advance(Serial / Amdahl.Speedup(SerialFraction, Math.Min(dop, processors))),
            new[] { 1, 2, 3, 4 }, clock.Options());

        Assert.Equal(new[] { 1, 2, 3, 4 }, s.Select(p => p.Degree));
        Assert.Equal(processors, s.ProcessorCount);
        Assert.Equal(1, s[1].Speedup, 9);
        Assert.Equal(Amdahl.Speedup(SerialFraction, Math.Min(2, processors)), s[2].Speedup, 4);
        Assert.Equal(SerialFraction, s.SerialFraction, 3);
        Assert.Equal(s[2].Speedup / 2, s[2].Efficiency, 9);
    }

    [Fact]
    public void Degree_one_is_always_measured_and_unmeasured_degrees_say_which_were()
    {
        var clock = new FakeClock();
        var s = Measure.Scaling(dop => clock.Advance(1e6 / dop), new[] { 4, 2 }, clock.Options());

        Assert.Equal(new[] { 1, 2, 4 }, s.Select(p => p.Degree));
        Assert.Contains("1, 2, 4", Assert.Throws<KeyNotFoundException>(() => s[3]).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, null, new[] { 1, 2, 3, 4 })]
    [InlineData(2, 3, new[] { 1, 2, 3 })]
    [InlineData(8, null, new[] { 1, 2, 4, 8, 16 })]
    [InlineData(12, null, new[] { 1, 2, 4, 8, 12, 16, 24 })]
    public void Default_degrees_run_to_twice_the_processor_count(int processors, int? max, int[] expected)
    {
        Assert.Equal(expected, Measure.DefaultDegrees(max, processors));
    }

    [Fact]
    public void Bad_degrees_name_the_parameter()
    {
        Assert.Equal("degrees", Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Scaling(_ => { }, new[] { 0 })).ParamName);
        Assert.Equal("maxDegree", Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Scaling(_ => { }, 0)).ParamName);
    }

    [Fact]
    public async Task Async_scaling_passes_the_degree()
    {
        var clock = new FakeClock();
        var seen = new HashSet<int>();
        var s = await Measure.ScalingAsync(dop => { lock (seen) seen.Add(dop); clock.Advance(1e6 / dop); return Task.CompletedTask; },
            3, clock.Options());

        Assert.Equal(new[] { 1, 2, 3 }, seen.Order());
        Assert.Equal(3, s[3].Speedup, 5);
    }

    [Fact]
    public void The_release_check_looks_at_the_workload_not_at_the_library_wrapper()
    {
        // Thread.SpinWait lives in the optimised core library; this test assembly and a Debug build of the
        // library are not, so only a check of the workload itself can say "optimised". It cannot advance a fake
        // clock, so this runs on the real one with a small budget; only the flag is asserted.
        var s = Measure.Scaling(Thread.SpinWait, new[] { 1, 2 }, new MeasureOptions { Budget = TimeSpan.FromMilliseconds(300), Repeats = 2 });

        Assert.True(s[1].Result.IsOptimized);
        Assert.True(s[2].Result.IsOptimized);
    }
}
