using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

/// <summary>%timeit's calibration, statistics and the budget, on a clock the code itself advances.</summary>
public sealed class TimingEngineTests
{
    [Fact]
    public void Calibrates_in_powers_of_ten_until_a_repeat_takes_0_2_s()
    {
        var clock = new FakeClock();
        int calls = 0;
        // 20 µs per call: 10,000 loops take exactly 0.2 s; the repeats fit in 2 s, so nothing is cut.
        var r = Measure.Time(() => { calls++; clock.Advance(20_000); }, clock.Options());

        Assert.Equal(10_000, r.Loops);
        Assert.Equal(7, r.Repeats);
        Assert.False(r.BudgetCut);
        Assert.Empty(r.BudgetNotes);
        Assert.Equal(20_000, r.Mean, 6);
        Assert.Equal(0, r.StdDev, 6);
        // 0.25 s of warm-up (12,500 calls, the first included), calibration 1 + 10 + 100 + 1,000 + 10,000
        // (0.222 s), then 7 repeats of 10,000.
        Assert.Equal(12_500 + 11_111 + 70_000, calls);
        Assert.Equal(70_000, r.Operations);
        Assert.True(r.WallTime <= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Cuts_the_loop_count_to_a_1_2_5_step_when_the_next_power_of_ten_overruns_the_budget()
    {
        var clock = new FakeClock();
        // 3 µs per call: %timeit would run 100,000 loops (0.3 s) × 7 = 2.1 s, over budget with calibration.
        var r = Measure.Time(() => clock.Advance(3_000), clock.Options());

        Assert.Equal(50_000, r.Loops);
        Assert.Equal(7, r.Repeats);
        Assert.True(r.LoopsCut);
        Assert.False(r.RepeatsCut);
        Assert.Contains(r.BudgetNotes, n => n.Contains("50,000 loops", StringComparison.Ordinal));
        Assert.Equal(3_000, r.Mean, 6);
        Assert.True(r.WallTime <= TimeSpan.FromSeconds(2), $"wall time {r.WallTime}");
    }

    [Fact]
    public void A_smaller_step_that_still_reaches_the_repeat_target_is_not_reported_as_a_cut()
    {
        var clock = new FakeClock();
        // 1.5 ms per call, 20 ms target: 10 loops (15 ms) fall short, 100 loops do not fit a 0.6 s budget,
        // 20 loops (30 ms) fit and reach the target, so nothing was given up.
        var options = clock.Options(TimeSpan.FromSeconds(0.6)) with { MinRepeatTime = TimeSpan.FromMilliseconds(20) };
        var r = Measure.Time(() => clock.Advance(1_500_000), options);

        Assert.True(r.Loops * 1.5e-3 >= 0.02, $"{r.Loops} loops");
        Assert.True(r.Loops < 100, $"{r.Loops} loops");
        Assert.False(r.LoopsCut);
        Assert.DoesNotContain(r.BudgetNotes, n => n.Contains("instead of running until", StringComparison.Ordinal));
    }

    [Fact]
    public void Cuts_repeats_when_they_would_overrun_the_budget()
    {
        var clock = new FakeClock();
        // 0.5 s per call: the first call covers the warm-up, calibration stops at 1 loop (0.5 s),
        // then 2 repeats reach 2 s and a 3rd would overrun.
        var r = Measure.Time(() => clock.AdvanceSeconds(0.5), clock.Options());

        Assert.Equal(1, r.Loops);
        Assert.Equal(2, r.Repeats);
        Assert.Equal(7, r.RequestedRepeats);
        Assert.True(r.RepeatsCut);
        Assert.Contains(r.BudgetNotes, n => n.Contains("ran 2 of 7 repeats", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(2), r.WallTime);
        Assert.Contains("note: the 2 s budget ran 2 of 7 repeats; a larger MeasureOptions.Budget gives steadier numbers.", r.ToString(), StringComparison.Ordinal);
        // A front end with its own budget option (the #!measure magic's --budget) is named instead.
        var viaMagic = Measure.Time(() => clock.AdvanceSeconds(0.5), clock.Options() with { BudgetSettingName = "--budget" });
        Assert.Contains("a larger --budget gives steadier numbers.", viaMagic.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("MeasureOptions", viaMagic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_taking_over_half_the_budget_is_timed_once_by_its_first_call()
    {
        var clock = new FakeClock();
        int calls = 0;
        // 1.2 s per call: a second call would end past the 2 s budget.
        var r = Measure.Time(() => { calls++; clock.AdvanceSeconds(1.2); }, clock.Options());

        Assert.Equal(1, calls);
        Assert.Equal(1, r.Repeats);
        Assert.True(r.RepeatsCut);
        Assert.Equal(1.2e9, r.Mean, 3);
        Assert.Contains(r.BudgetNotes, n => n.Contains("only run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_empty_loop_cost_is_subtracted_from_every_repeat()
    {
        var clock = new FakeClock();
        // Loops whose own cost is 2 ns per call: the measured code costs 100 ns more, the empty delegate nothing.
        var options = clock.Options() with { Loops = 1000 };
        var method = typeof(TimingEngineTests).GetMethod(nameof(The_empty_loop_cost_is_subtracted_from_every_repeat))!;

        var r = await TimingEngine.RunAsync("code", Loop(clock, 102), Loop(clock, 2), method, isAsync: false, options);
        var raw = await TimingEngine.RunAsync("code", Loop(clock, 102), Loop(clock, 2), method, isAsync: false, options with { SubtractOverhead = false });

        Assert.Equal(2, r.Overhead, 6);
        Assert.Equal(100, r.Mean, 6);
        Assert.Contains("loop overhead 2.00 ns per call subtracted", r.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, raw.Overhead);
        Assert.Equal(102, raw.Mean, 6);
    }

    [Fact]
    public async Task Overhead_larger_than_the_code_clamps_at_zero()
    {
        var clock = new FakeClock();
        var method = typeof(TimingEngineTests).GetMethod(nameof(Overhead_larger_than_the_code_clamps_at_zero))!;

        var r = await TimingEngine.RunAsync("code", Loop(clock, 2), Loop(clock, 3), method, isAsync: false, clock.Options() with { Loops = 1000 });

        Assert.Equal(0, r.Mean);
        Assert.Equal(0, r.Min);
        Assert.Contains(r.Warnings, w => w.Contains("too quick to tell apart from an empty call", StringComparison.Ordinal));
    }

    [Fact]
    public void Slow_calls_skip_calibration_when_it_would_crowd_out_the_repeats()
    {
        var clock = new FakeClock();
        int calls = 0;
        // 0.9 s per call: first call, then (no room to calibrate) 1 repeat of 1 loop: 1.8 s in all.
        var r = Measure.Time(() => { calls++; clock.AdvanceSeconds(0.9); }, clock.Options());

        Assert.Equal(2, calls);
        Assert.Equal(1, r.Repeats);
        Assert.True(r.RepeatsCut);
        Assert.Equal(TimeSpan.FromSeconds(1.8), r.WallTime);
    }

    [Fact]
    public void Reports_mean_population_std_dev_min_median_max_and_warns_over_4x_spread()
    {
        var clock = new FakeClock();
        long call = 0;
        double[] perRepeat = { 100, 700, 200, 600, 300, 500, 400 };
        var options = clock.Options() with { Loops = 10, WarmUp = TimeSpan.Zero };
        // Call 0 is the warm-up; then 7 repeats of 10 calls, each repeat with its own cost per call.
        var r = Measure.Time(() =>
        {
            long index = call++;
            clock.Advance(index == 0 ? 1 : perRepeat[(index - 1) / 10]);
        }, options);

        Assert.Equal(10, r.Loops);
        Assert.Equal(perRepeat, r.RunTimes);
        Assert.Equal(400, r.Mean, 9);
        Assert.Equal(200, r.StdDev, 9); // population: sqrt(mean of squared deviations)
        Assert.Equal(100, r.Min);
        Assert.Equal(400, r.Median);
        Assert.Equal(700, r.Max);
        Assert.Equal(7, r.Spread, 9);
        Assert.Contains(r.Warnings, w => w.StartsWith("The slowest run took 7.00 times longer than the fastest", StringComparison.Ordinal));
        Assert.StartsWith("400 ns ± 200 ns per loop (mean ± std. dev. of 7 runs, 10 loops each)", r.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void No_spread_warning_within_4x()
    {
        var clock = new FakeClock();
        long call = 0;
        double[] perRepeat = { 100, 400, 100, 100, 100, 100, 100 };
        var r = Measure.Time(() => { long i = call++; clock.Advance(i == 0 ? 1 : perRepeat[(i - 1) / 10]); },
            clock.Options() with { Loops = 10, WarmUp = TimeSpan.Zero });

        Assert.Equal(4, r.Spread, 9);
        Assert.DoesNotContain(r.Warnings, w => w.Contains("slowest", StringComparison.Ordinal));
    }

    [Fact]
    public void Warm_up_runs_the_code_discarded_until_the_warm_up_time_is_over()
    {
        var clock = new FakeClock();
        int calls = 0;
        // 10 µs per call: the first call and the warm-up batches stop exactly at 0.25 s (25,000 calls),
        // then 7 repeats of the fixed 1,000 loops; no calibration.
        var r = Measure.Time(() => { calls++; clock.Advance(10_000); }, clock.Options() with { Loops = 1000 });

        Assert.Equal(25_000 + 7 * 1000, calls);
        Assert.Equal(7_000, r.Operations);
    }

    [Fact]
    public void A_slow_first_call_from_JIT_does_not_skip_calibration()
    {
        var clock = new FakeClock();
        bool first = true;
        // The first call costs 0.3 s (as if compiling), later ones 20 µs: the loop count must come from the latter.
        var r = Measure.Time(() => { clock.Advance(first ? 3e8 : 20_000); first = false; }, clock.Options());

        Assert.Equal(10_000, r.Loops);
        Assert.Equal(20_000, r.Mean, 6);
    }

    [Fact]
    public void Warm_up_goes_on_while_the_JIT_is_busy_then_stops_at_its_limit()
    {
        var clock = new FakeClock();
        long jitted = 0;
        int calls = 0;
        // Every warm-up batch sees a new compiled method: warm-up runs to its cap, 4 × 0.25 s = 1 s (40% of 2.5 s).
        var options = clock.Options(TimeSpan.FromSeconds(2.5)) with { Loops = 1000, JitCompiledMethods = () => jitted++ };
        var r = Measure.Time(() => { calls++; clock.Advance(10_000); }, options);

        Assert.Equal(100_000 + 7 * 1000, calls);
        Assert.Equal(7, r.Repeats);
    }

    [Fact]
    public void Warm_up_waits_for_a_quiet_JIT_after_the_minimum_time()
    {
        var clock = new FakeClock();
        int calls = 0;
        // The JIT compiles something until 0.3 s of fake time, then is quiet: warm-up ends 150 ms later, at 0.45 s.
        var options = clock.Options() with { Loops = 1000, JitCompiledMethods = () => clock.GetTimestamp() < 300_000_000 ? clock.GetTimestamp() : 0 };
        Measure.Time(() => { calls++; clock.Advance(10_000); }, options);

        Assert.InRange(calls - 7 * 1000, 45_000, 45_000 + 7_500); // batches after the minimum are at most 75 ms
    }

    [Fact]
    public async Task Async_code_is_calibrated_the_same_way()
    {
        var clock = new FakeClock();
        var r = await Measure.TimeAsync(async () => { await Task.Yield(); clock.Advance(20_000); }, clock.Options());

        Assert.True(r.IsAsync);
        Assert.True(r.Loops == 10_000, r.ToString() + " wall " + r.WallTime);
        Assert.Equal(7, r.Repeats);
        Assert.Equal(20_000, r.Mean, 6);
    }

    [Fact]
    public void Flags_debug_compiled_code_and_trusts_optimised_code()
    {
        bool testsAreOptimised = typeof(TimingEngineTests).Assembly
            .GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .Cast<System.Diagnostics.DebuggableAttribute>()
            .All(a => !a.IsJITOptimizerDisabled);
        var clock = new FakeClock();

        var fromTests = Measure.Time(() => clock.Advance(20_000), clock.Options());
        Action fromCoreLib = Thread.MemoryBarrier; // System.Private.CoreLib is always optimised
        var optimised = Measure.Time(fromCoreLib, clock.Options() with { Loops = 1, WarmUp = TimeSpan.Zero });

        Assert.Equal(testsAreOptimised, fromTests.IsOptimized);
        Assert.Equal(!testsAreOptimised, fromTests.Warnings.Any(w => w.Contains("Debug", StringComparison.Ordinal)));
        Assert.True(optimised.IsOptimized);
        Assert.DoesNotContain(optimised.Warnings, w => w.Contains("Debug", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1000, 500)]
    [InlineData(500, 200)]
    [InlineData(200, 100)]
    [InlineData(100, 50)]
    [InlineData(50_000, 20_000)]
    [InlineData(2, 1)]
    public void Loop_counts_step_down_the_1_2_5_ladder(long from, long to)
    {
        Assert.Equal(to, TimingEngine.StepDown(from));
    }

    [Fact]
    public void Code_returning_a_value_is_timed_with_its_result_kept()
    {
        var clock = new FakeClock();
        int calls = 0;
        var r = Measure.Time(() => { clock.Advance(20_000); return ++calls; }, clock.Options());

        Assert.Equal(10_000, r.Loops);
        Assert.Equal(20_000, r.Mean, 6);
    }

    [Fact]
    public void Async_lambdas_are_sent_to_TimeAsync()
    {
        var e = Assert.Throws<ArgumentException>(() => Measure.Time(async () => await Task.Yield()));
        Assert.Contains("TimeAsync", e.Message, StringComparison.Ordinal);
        Action asyncVoid = async () => await Task.Yield();
        e = Assert.Throws<ArgumentException>(() => Measure.Time(asyncVoid));
        Assert.Contains("TimeAsync", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exceptions_from_the_code_propagate()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Measure.Time(() => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", e.Message);
    }

    [Fact]
    public void Bad_options_name_the_parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Time(() => { }, new MeasureOptions { Repeats = 0 }));
        Assert.Equal("Repeats", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Measure.Time(() => { }, new MeasureOptions { Budget = TimeSpan.Zero }));
        Assert.Equal("Budget", e.ParamName);
    }

    /// <summary>A loop runner that costs <paramref name="perCall"/> ns of fake time per call and times itself on it.</summary>
    private static TimingEngine.LoopRunner Loop(FakeClock clock, double perCall) => loops =>
    {
        clock.Advance(loops * perCall);
        return new ValueTask<long>((long)(loops * perCall));
    };
}
