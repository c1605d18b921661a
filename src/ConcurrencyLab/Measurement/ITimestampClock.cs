namespace ConcurrencyLab.Measurement;

/// <summary>
/// The time source of every measurement. Production code uses <see cref="StopwatchClock"/>;
/// tests inject a fake so calibration, statistics and budget cuts can be checked without timing.
/// </summary>
internal interface ITimestampClock
{
    /// <summary>Ticks per second of <see cref="GetTimestamp"/>.</summary>
    long Frequency { get; }

    /// <summary>The current timestamp in <see cref="Frequency"/> ticks.</summary>
    long GetTimestamp();
}
