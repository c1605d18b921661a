using Microsoft.DotNet.Interactive.Commands;

namespace ConcurrencyLab.Interactive.Magics;

/// <summary>The options of <c>#!timeline</c>, bound by the kernel from the magic's line.</summary>
public sealed class TimelineCommand : KernelDirectiveCommand
{
    /// <summary><c>--title</c>: the chart's title ("Thread timeline" by default).</summary>
    public string? Title { get; set; }

    /// <summary><c>--runtime-events</c>: <c>on</c> (default) records the runtime's lock-contention and thread-pool events (and, unless <c>--thread-pool</c> says otherwise, samples the pool); <c>off</c> records only spans.</summary>
    public string? RuntimeEvents { get; set; }

    /// <summary><c>--thread-pool</c>: <c>on</c> or <c>off</c> samples the thread pool's threads and queue as counter lanes; follows <c>--runtime-events</c> when not given.</summary>
    public string? ThreadPool { get; set; }

    /// <summary><c>--cell-span</c>: <c>on</c> (default) draws a "cell" span over the cell's own code on its thread; <c>off</c> leaves that row to what the code records.</summary>
    public string? CellSpan { get; set; }

    /// <summary><c>--auto-spans</c>: <c>on</c> (default) puts a span around lambdas given to thread-starting APIs.</summary>
    public string? AutoSpans { get; set; }

    /// <summary><c>--perfetto</c>: a file to save the trace to, for ui.perfetto.dev (relative to the notebook's folder).</summary>
    public string? Perfetto { get; set; }

    /// <summary><c>--variable</c>: a C# variable holding the timeline, usable in the cell (spans, waits, tracked tasks) and later cells.</summary>
    public string? Variable { get; set; }
}
