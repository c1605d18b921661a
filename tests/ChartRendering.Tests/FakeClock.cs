using ConcurrencyLab.Measurement;

namespace ChartRendering.Tests;

/// <summary>A clock that moves only when the measured code says so (1 tick = 1 ns), so measured figures are the same every run.</summary>
internal sealed class FakeClock : ITimestampClock
{
    private long _now;

    public long Frequency => 1_000_000_000;

    public long GetTimestamp() => Interlocked.Read(ref _now);

    public void Advance(double nanoseconds) => Interlocked.Add(ref _now, (long)nanoseconds);

    public MeasureOptions Options() => new() { Clock = this, Budget = TimeSpan.FromSeconds(2), JitCompiledMethods = static () => 0 };
}
