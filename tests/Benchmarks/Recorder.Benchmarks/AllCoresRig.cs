using ConcurrencyLab.Timelines;

namespace Recorder.Benchmarks;

/// <summary>
/// Threads kept alive across invocations, so the all-cores case measures recording, not thread start-up:
/// the benchmark thread plus (cores − 1) helpers each record the same number of spans at the same time.
/// </summary>
internal sealed class AllCoresRig : IDisposable
{
    private readonly Barrier _start;
    private readonly Barrier _done;
    private readonly List<Thread> _helpers = new();
    private readonly int _spans;
    private volatile bool _stopping;

    public AllCoresRig(int threads, int spansPerThread)
    {
        _spans = spansPerThread;
        _start = new Barrier(threads);
        _done = new Barrier(threads);
        for (var i = 1; i < threads; i++)
        {
            var helper = new Thread(HelperLoop) { IsBackground = true, Name = $"recorder {i}" };
            helper.Start();
            _helpers.Add(helper);
        }
    }

    public Timeline? Timeline { get; set; }

    /// <summary>One invocation: every thread records its spans; returns when all are done.</summary>
    public void Run()
    {
        _start.SignalAndWait();
        Record();
        _done.SignalAndWait();
    }

    public void Dispose()
    {
        _stopping = true;
        _start.SignalAndWait();
        _helpers.ForEach(h => h.Join());
    }

    private void HelperLoop()
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping) return;
            Record();
            _done.SignalAndWait();
        }
    }

    private void Record()
    {
        var timeline = Timeline!;
        for (var i = 0; i < _spans; i++)
            using (timeline.Span("span")) { }
    }
}
