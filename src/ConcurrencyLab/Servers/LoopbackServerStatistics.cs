using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Servers;

/// <summary>Counts of <c>/data</c> requests a <see cref="LoopbackServer"/> has served: how many, and how many at once.</summary>
[TypeFormatterSource(typeof(PlainTextFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.PlainText })]
public sealed class LoopbackServerStatistics
{
    private long _completed;
    private int _active;
    private int _peak;

    /// <summary><c>/data</c> requests answered (or abandoned by the client) since start or the last <see cref="Reset"/>.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Requests being served right now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>The most requests served at the same moment since start or the last <see cref="Reset"/>.</summary>
    public int PeakActive => Volatile.Read(ref _peak);

    /// <summary>Zeroes <see cref="Completed"/> and sets <see cref="PeakActive"/> to the requests active now.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _completed, 0);
        Interlocked.Exchange(ref _peak, Volatile.Read(ref _active));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Completed} requests served, {PeakActive} at most at once";

    internal void RequestStarted()
    {
        var active = Interlocked.Increment(ref _active);
        // Lock-free maximum: retry only while another request raised the peak between our read and write.
        int peak;
        while (active > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, active, peak) != peak)
        {
        }
    }

    internal void RequestFinished()
    {
        Interlocked.Decrement(ref _active);
        Interlocked.Increment(ref _completed);
    }
}
