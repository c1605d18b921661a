using System.Reflection;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// %timeit's procedure on any loop: a warm-up call, loop-count calibration in powers of ten until one repeat
/// takes at least <see cref="MeasureOptions.MinRepeatTime"/>, then the repeats, each after a full GC.
/// Everything is timed on the options' clock and kept within <see cref="MeasureOptions.Budget"/>.
/// </summary>
internal static class TimingEngine
{
    private const long MaxLoops = 1_000_000_000; // %timeit tries 10**0 … 10**9

    /// <summary>Runs the code <c>loops</c> times and returns the clock ticks the loop took (nothing else timed).</summary>
    public delegate ValueTask<long> LoopRunner(long loops);

    public static async ValueTask<TimingResult> RunAsync(
        string name, LoopRunner runLoops, MethodInfo method, bool isAsync, MeasureOptions options)
    {
        options = options.Validated();
        var clock = options.Clock;
        long started = clock.GetTimestamp();
        double budget = options.Budget.TotalSeconds * clock.Frequency;
        double target = options.MinRepeatTime.TotalSeconds * clock.Frequency;
        double Spent() => clock.GetTimestamp() - started;

        // The warm-up call pays for JIT compilation and first-touch costs; it is never part of the result.
        long warmUp = await runLoops(1).ConfigureAwait(false);

        bool loopsCut = false;
        long loops;
        if (options.Loops is { } fixedLoops)
        {
            loops = fixedLoops;
        }
        else if (warmUp >= target)
        {
            // One call already fills a repeat, so %timeit's first step (1 loop) would stop here too.
            loops = 1;
        }
        else
        {
            loops = 1;
            while (true)
            {
                long elapsed = await runLoops(loops).ConfigureAwait(false);
                if (elapsed >= target || loops >= MaxLoops) break;
                // Before going ten times longer, check that this calibration step and the repeats at the
                // resulting loop count still fit; if not, keep the current count and say so.
                double next = Math.Max(elapsed, 1) * 10.0;
                if (Spent() + next * (1 + options.Repeats) > budget)
                {
                    loopsCut = true;
                    break;
                }
                loops *= 10;
            }
        }

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
                    break;
                }
            }

            FullCollect();
            var before = RuntimeCounters.Read();
            long ticks = await runLoops(loops).ConfigureAwait(false);
            var after = RuntimeCounters.Read();
            totals += after - before;
            runTimes.Add(ticks * nanosecondsPerTick / loops);
        }

        var wallTime = TimeSpan.FromSeconds(Spent() / clock.Frequency);
        return new TimingResult(name, runTimes, loops, totals, CompilationCheck.IsOptimized(method), isAsync,
            options, loopsCut, repeatsCut, wallTime);
    }

    /// <summary>A full blocking collection, finalizers run, then the garbage they leave.</summary>
    internal static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
