using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Names each sampled interval of each thread by what the thread mostly did, then joins neighbours in the same state.
/// Intervals ending at the same sampler tick are judged together: no more threads are called running than the CPU
/// time of that tick can account for (rounded). The states are a summary for reading; the chart's fill and the
/// figures use the amounts (<see cref="TimelineThreadState.OnCpu"/>, <see cref="TimelineThreadState.WaitingForCpu"/>).
/// </summary>
internal static class ThreadStateClassifier
{
    public static List<TimelineThreadState> Classify(IReadOnlyDictionary<int, List<CpuInterval>> intervalsByThread)
    {
        var states = new Dictionary<(int Thread, int Index), SegmentState>();
        var byTick = intervalsByThread
            .SelectMany(t => t.Value.Select((interval, index) => (Thread: t.Key, Index: index, Interval: interval)))
            .GroupBy(x => x.Interval.EndTick >= 0 ? x.Interval.EndTick : BitConverter.DoubleToInt64Bits(x.Interval.End));
        foreach (var tick in byTick)
        {
            var cpuWorth = (int)Math.Round(tick.Sum(x => x.Interval.OnCpu / x.Interval.Length), MidpointRounding.AwayFromZero);
            var rank = 0;
            foreach (var x in tick.OrderByDescending(x => x.Interval.OnCpu / x.Interval.Length).ThenBy(x => x.Thread))
            {
                var i = x.Interval;
                var running = i.OnCpu >= i.Length / 2 && rank++ < cpuWorth;
                states[(x.Thread, x.Index)] = running ? SegmentState.Running
                    : i.WaitingForCpu > 0 && i.WaitingForCpu >= i.OffCpu ? SegmentState.Runnable
                    : i.OnCpu >= i.Length / 2 ? SegmentState.Runnable // more CPU time than the tick can seat: it was ready, mostly
                    : SegmentState.OffCpu;
            }
        }

        var result = new List<TimelineThreadState>();
        foreach (var (thread, intervals) in intervalsByThread)
        {
            TimelineThreadState? open = null;
            for (var index = 0; index < intervals.Count; index++)
            {
                var i = intervals[index];
                var state = states[(thread, index)];
                if (open is not null && open.State == state && Math.Abs(open.End - i.Start) < 1e-9)
                {
                    open = open with { End = i.End, OnCpu = open.OnCpu + i.OnCpu, WaitingForCpu = open.WaitingForCpu + i.WaitingForCpu };
                    continue;
                }
                if (open is not null) result.Add(open);
                open = new TimelineThreadState(thread, i.Start, i.End, state, i.OnCpu, i.WaitingForCpu);
            }
            if (open is not null) result.Add(open);
        }
        return result;
    }
}
