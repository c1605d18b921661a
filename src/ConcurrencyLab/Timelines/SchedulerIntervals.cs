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
        double Ms(long timestamp) => (timestamp - origin) * msPerTick;
        var intervals = new CpuInterval[Math.Max(0, readings.Count - 1)];
        for (var i = 1; i < readings.Count; i++)
        {
            SchedulerReading from = readings[i - 1], to = readings[i];
            double start = Ms(from.Timestamp), end = Ms(to.Timestamp);
            var length = Math.Max(0, end - start);
            var cpu = Math.Clamp((to.CpuNanoseconds - from.CpuNanoseconds) / 1e6, 0, length);
            intervals[i - 1] = new CpuInterval(start, start + length, cpu, 0)
            {
                OuterStart = Ms(from.Before),
                OuterEnd = Ms(to.After),
                EndTick = to.Tick,
            };
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
