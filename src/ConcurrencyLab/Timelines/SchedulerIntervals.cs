namespace ConcurrencyLab.Timelines;

/// <summary>Turns a thread's scheduler readings into intervals of CPU time and wait for a CPU.</summary>
internal static class SchedulerIntervals
{
    /// <summary>
    /// Consecutive readings become intervals. CPU time lands in the interval it was read in. The run-queue wait is
    /// only added by the kernel when a wait ends (the thread gets a CPU), so a wait that began in earlier intervals
    /// is spread back over their off-CPU time, latest first: the amounts per interval then add up as they happened.
    /// </summary>
    public static List<CpuInterval> From(IReadOnlyList<SchedulerReading> readings, long origin, double msPerTick)
    {
        var intervals = new CpuInterval[Math.Max(0, readings.Count - 1)];
        for (var i = 1; i < readings.Count; i++)
        {
            double start = (readings[i - 1].Timestamp - origin) * msPerTick, end = (readings[i].Timestamp - origin) * msPerTick;
            var length = Math.Max(0, end - start);
            var cpu = Math.Clamp((readings[i].CpuNanoseconds - readings[i - 1].CpuNanoseconds) / 1e6, 0, length);
            intervals[i - 1] = new CpuInterval(start, start + length, cpu, 0);
        }

        double pending = 0;
        for (var i = intervals.Length - 1; i >= 0; i--)
        {
            pending += Math.Max(0, (readings[i + 1].RunQueueNanoseconds - readings[i].RunQueueNanoseconds) / 1e6);
            var waited = Math.Min(pending, intervals[i].Length - intervals[i].OnCpu);
            if (waited > 0)
            {
                intervals[i] = intervals[i] with { WaitingForCpu = waited };
                pending -= waited;
            }
        }
        return intervals.Where(i => i.Length > 0).ToList();
    }
}
