using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

/// <summary>A clock that moves only when the measured code says so: one tick per nanosecond.</summary>
internal sealed class FakeClock : ITimestampClock
{
    private long _now;

    public long Frequency => 1_000_000_000;

    public long GetTimestamp() => Interlocked.Read(ref _now);

    public void Advance(double nanoseconds) => Interlocked.Add(ref _now, (long)nanoseconds);

    public void AdvanceSeconds(double seconds) => Advance(seconds * 1e9);

    /// <summary>Options measuring on this clock, with a JIT that never compiles anything during warm-up.</summary>
    public MeasureOptions Options(TimeSpan? budget = null) =>
        new() { Clock = this, Budget = budget ?? TimeSpan.FromSeconds(2), JitCompiledMethods = static () => 0 };
}
