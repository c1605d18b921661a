using System.Diagnostics;

namespace ConcurrencyLab.Timelines;

/// <summary>Any wait the helpers do not cover; disposing records the blocked time with its cause.</summary>
/// <example><code>using (tl.Blocked("channel full", BlockCause.Other)) { writer.WriteAsync(x).AsTask().Wait(); }</code></example>
public readonly struct BlockedScope : IDisposable
{
    private readonly Timeline? _timeline;
    private readonly string _label;
    private readonly BlockCause _cause;
    private readonly long _start;

    internal BlockedScope(Timeline timeline, string label, BlockCause cause, long start)
    {
        _timeline = timeline;
        _label = label;
        _cause = cause;
        _start = start;
    }

    /// <summary>Ends the blocked stretch now.</summary>
    public void Dispose() =>
        _timeline?.Append(EventKind.Blocked, _cause, _start, Stopwatch.GetTimestamp(), _label, null, 0);
}
