namespace ConcurrencyLab.Timelines;

/// <summary>How a recording knew CPU time: per span (thread CPU clock), by sampling the scheduler, both or neither.</summary>
/// <param name="PerSpan">Spans and holds read the thread's CPU clock at both ends.</param>
/// <param name="Sampled">Thread states were sampled from the scheduler.</param>
/// <param name="SampleIntervalMs">The sampling interval asked for (ms).</param>
/// <param name="Note">The same in words, for the summary and the chart.</param>
internal sealed record CpuTimeSources(bool PerSpan, bool Sampled, double SampleIntervalMs, string Note)
{
    /// <summary>How regularly the sampler actually ticked (none where states were not sampled).</summary>
    public SamplerCadence Cadence { get; init; } = SamplerCadence.None;

    /// <summary>A timeline created from given segments: CPU time is whatever the segments (and the thread states) say.</summary>
    public static CpuTimeSources Given(bool anyCpu, bool states) => new(anyCpu, states, 0,
        anyCpu ? "CPU time as given with the segments" : "CPU time not given: time in spans outside recorded waits counts as running");
}
