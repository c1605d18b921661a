using System.Diagnostics;

namespace ConcurrencyLab.Measurement;

/// <summary>The real clock: <see cref="Stopwatch.GetTimestamp"/>.</summary>
internal sealed class StopwatchClock : ITimestampClock
{
    /// <summary>The one instance; the clock has no state.</summary>
    public static readonly StopwatchClock Instance = new();

    public long Frequency => Stopwatch.Frequency;

    public long GetTimestamp() => Stopwatch.GetTimestamp();
}
