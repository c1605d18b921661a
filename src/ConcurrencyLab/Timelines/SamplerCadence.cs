using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>How regularly the thread-state sampler ticked: under load it falls behind the interval asked for.</summary>
/// <param name="Ticks">Ticks taken.</param>
/// <param name="MedianGapMs">Median time between two ticks (ms); 0 with fewer than two ticks.</param>
/// <param name="LongestGapMs">Longest time between two ticks (ms).</param>
internal sealed record SamplerCadence(int Ticks, double MedianGapMs, double LongestGapMs)
{
    public static SamplerCadence None { get; } = new(0, 0, 0);

    public static SamplerCadence From(IReadOnlyList<long> tickTimestamps)
    {
        if (tickTimestamps.Count < 2) return new SamplerCadence(tickTimestamps.Count, 0, 0);
        var msPerTick = 1000.0 / Stopwatch.Frequency;
        var gaps = new double[tickTimestamps.Count - 1];
        for (var i = 1; i < tickTimestamps.Count; i++) gaps[i - 1] = (tickTimestamps[i] - tickTimestamps[i - 1]) * msPerTick;
        Array.Sort(gaps);
        return new SamplerCadence(tickTimestamps.Count, gaps[gaps.Length / 2], gaps[^1]);
    }
}
