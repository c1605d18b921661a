using System.Reflection;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// %timeit's procedure on any loop, after a JIT warm-up (the first call, then discarded calls for
/// <see cref="MeasureOptions.WarmUp"/>): loop-count calibration in powers of ten until one repeat
/// takes at least <see cref="MeasureOptions.MinRepeatTime"/>, then the repeats, each after a full GC.
/// Everything is timed on the options' clock and kept within <see cref="MeasureOptions.Budget"/>.
/// </summary>
internal static class TimingEngine
{
    private const long MaxLoops = 1_000_000_000; // %timeit tries 10**0 … 10**9
    private const int MaxWarmUpBatches = 200;      // bounds the warm-up if a clock does not advance

    /// <summary>Warm-up ends once no method has been compiled for this long (the runtime's tiering delay is 100 ms).</summary>
    private static readonly TimeSpan QuietJitTime = TimeSpan.FromMilliseconds(150);

    /// <summary>Runs the code <c>loops</c> times and returns the clock ticks the loop took (nothing else timed).</summary>
    public delegate ValueTask<long> LoopRunner(long loops);

    public static async ValueTask<TimingResult> RunAsync(
        string name, LoopRunner runLoops, LoopRunner emptyLoops, MethodInfo method, bool isAsync, MeasureOptions options)
    {
        options = options.Validated();
        var clock = options.Clock;
        long started = clock.GetTimestamp();
        double budget = options.Budget.TotalSeconds * clock.Frequency;
        double target = options.MinRepeatTime.TotalSeconds * clock.Frequency;
        double warmUpTime = options.WarmUp.TotalSeconds * clock.Frequency;
        double Spent() => clock.GetTimestamp() - started;

        // The first call pays for JIT compilation and first-touch costs; it is not part of the result,
        // unless it alone used up the budget: then it is the one reading there will be.
        var beforeFirstCall = RuntimeCounters.Read();
        long firstCall = await runLoops(1).ConfigureAwait(false);
        var firstCallCounters = RuntimeCounters.Read() - beforeFirstCall;
        if (Spent() + firstCall > budget && options.Loops is null)
        {
            var note = $"Budget {Seconds(options.Budget)} s: one call took {DurationText.Format(firstCall * 1e9 / clock.Frequency)}, so another would not fit and the first call (which includes JIT compilation) is the only run.";
            return new TimingResult(name, new[] { firstCall * 1e9 / clock.Frequency }, 1, firstCallCounters,
                CompilationCheck.IsOptimized(method), isAsync, options, loopsCut: false, repeatsCut: true,
                TimeSpan.FromSeconds(Spent() / clock.Frequency), new[] { note });
        }

        // Warm-up: keep calling, in batches that double without overshooting, for at least the warm-up time and
        // then until the JIT has been quiet for a while, so calibration and repeats see the optimised code that
        // tiered compilation installs. The first call's time includes JIT compilation, so only a warm-up batch
        // can show that one call fills a repeat.
        double maxWarmUp = Math.Min(4 * warmUpTime, 0.4 * budget);
        double quiet = QuietJitTime.TotalSeconds * clock.Frequency;
        double? warmedPerLoop = null;
        long batch = 1;
        long jitCount = options.JitCompiledMethods();
        double lastJitActivity = 0; // the first call compiled the code: that is the last JIT activity known
        for (int batches = 0; batches < MaxWarmUpBatches; batches++)
        {
            double now = Spent();
            bool jitQuiet = now - lastJitActivity >= quiet;
            if (now >= maxWarmUp || (now >= warmUpTime && jitQuiet)) break;
            double perLoop = Math.Max(await runLoops(batch).ConfigureAwait(false), 1) / (double)batch;
            warmedPerLoop = perLoop;
            long jitNow = options.JitCompiledMethods();
            if (jitNow != jitCount) (jitCount, lastJitActivity) = (jitNow, Spent());
            // Batches end at the warm-up time, and after it stay short enough to notice when the JIT goes quiet.
            double left = Spent() < warmUpTime ? warmUpTime - Spent() : Math.Min(quiet / 2, maxWarmUp - Spent());
            batch = Math.Clamp(Math.Min(batch * 2, (long)(left / perLoop)), 1, MaxLoops);
        }

        var notes = new List<string>();
        bool loopsCut = false;
        long loops;
        if (options.Loops is { } fixedLoops)
        {
            loops = fixedLoops;
        }
        else if (warmedPerLoop >= target || (warmedPerLoop is null && Spent() + 2.0 * firstCall > budget))
        {
            // One call already fills a repeat, so %timeit's first step (1 loop) would stop here too; or the calls
            // are so slow that a calibration call would leave no room for a repeat.
            loops = 1;
        }
        else
        {
            loops = 1;
            double perLoop;
            while (true)
            {
                long elapsed = await runLoops(loops).ConfigureAwait(false);
                perLoop = Math.Max(elapsed, 1) / (double)loops;
                if (elapsed >= target || loops >= MaxLoops) break;
                // Going ten times longer costs one more calibration run plus the repeats at that count.
                // If that does not fit the budget, take the largest of 5× and 2× (no calibration run needed,
                // the per-loop cost is known) that does, and say so.
                double remaining = budget - Spent();
                if (loops * 10 * perLoop * (1 + options.Repeats) <= remaining)
                {
                    loops *= 10;
                    continue;
                }
                foreach (int factor in new[] { 5, 2 })
                {
                    if (loops * factor * perLoop * options.Repeats <= remaining)
                    {
                        loops *= factor;
                        break;
                    }
                }
                // 5× or 2× may already reach the target; only a repeat still shorter than it is a cut worth noting.
                loopsCut = loops * perLoop < target;
                break;
            }

            // A noisy calibration run can leave a count whose repeats no longer fit: all the repeats are worth
            // more than long ones, so step down the 1-2-5 ladder until they fit.
            while (loops > 1 && loops * perLoop * options.Repeats > budget - Spent())
            {
                loops = StepDown(loops);
                loopsCut = true;
            }
            if (loopsCut)
                notes.Add($"Budget {Seconds(options.Budget)} s: {loops:N0} loops per repeat (about {DurationText.Format(loops * perLoop * 1e9 / clock.Frequency)}) instead of running until a repeat takes {Seconds(options.MinRepeatTime)} s.");
        }

        double overhead = options.SubtractOverhead ? await OverheadPerLoop(emptyLoops, loops, clock).ConfigureAwait(false) : 0;

        var runTimes = new List<double>(options.Repeats);
        RuntimeCounters totals = default;
        long repeatsStarted = clock.GetTimestamp();
        bool repeatsCut = false;
        double nanosecondsPerTick = 1e9 / clock.Frequency;
        for (int repeat = 0; repeat < options.Repeats; repeat++)
        {
            if (repeat > 0)
            {
                double perRepeat = (clock.GetTimestamp() - repeatsStarted) / (double)repeat;
                if (Spent() + perRepeat > budget)
                {
                    repeatsCut = true;
                    notes.Add($"Budget {Seconds(options.Budget)} s: ran {repeat} of {options.Repeats} repeats.");
                    break;
                }
            }

            FullCollect();
            var before = RuntimeCounters.Read();
            long ticks = await runLoops(loops).ConfigureAwait(false);
            var after = RuntimeCounters.Read();
            totals += after - before;
            runTimes.Add(Math.Max(0, ticks * nanosecondsPerTick / loops - overhead));
        }

        var wallTime = TimeSpan.FromSeconds(Spent() / clock.Frequency);
        return new TimingResult(name, runTimes, loops, totals, CompilationCheck.IsOptimized(method), isAsync,
            options, loopsCut, repeatsCut, wallTime, notes) { Overhead = overhead };
    }

    /// <summary>
    /// Nanoseconds the loop itself costs per call: the fastest of a few runs of the same loop around an empty
    /// delegate, each of at most 200,000 calls (a few milliseconds), after one run to warm the loop up.
    /// The fastest run is the one least disturbed by other work on the machine.
    /// </summary>
    private static async ValueTask<double> OverheadPerLoop(LoopRunner emptyLoops, long loops, ITimestampClock clock)
    {
        long count = Math.Min(loops, 200_000);
        await emptyLoops(count).ConfigureAwait(false);
        double fastest = double.PositiveInfinity;
        for (int run = 0; run < 5; run++)
            fastest = Math.Min(fastest, await emptyLoops(count).ConfigureAwait(false) * 1e9 / clock.Frequency / count);
        return fastest;
    }

    /// <summary>The next smaller count on the 1-2-5 ladder: 1,000 → 500 → 200 → 100.</summary>
    internal static long StepDown(long loops)
    {
        long decade = 1;
        while (decade * 10 <= loops) decade *= 10;
        long lead = loops / decade;
        return lead > 5 ? 5 * decade : lead > 2 ? 2 * decade : lead > 1 ? decade : Math.Max(1, decade / 2);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A full blocking collection, finalizers run, then the garbage they leave.</summary>
    internal static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
