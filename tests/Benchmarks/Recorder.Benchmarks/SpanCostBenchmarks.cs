using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ConcurrencyLab.Timelines;

namespace Recorder.Benchmarks;

/// <summary>
/// Cost of one recorded span, compared in one run with what it is built from (a Stopwatch.GetTimestamp
/// pair) and with the BCL's tracing span (Activity start/stop with an AllData listener); plus the
/// disabled recorder and the per-thread cost when every core records at once.
/// Each invocation records <see cref="SpansPerInvoke"/> spans per thread, so results are per span.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class SpanCostBenchmarks
{
    private const int SpansPerInvoke = 10_000;
    private static readonly TimelineOptions Quiet = new() { CaptureRuntimeEvents = false, SampleThreadPool = false };

    private Timeline _recording = null!;
    private Timeline _stopped = null!;
    private ActivitySource _source = null!;
    private ActivityListener _listener = null!;
    private AllCoresRig _allCores = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _stopped = Timeline.Start(Quiet).Stop();
        _source = new ActivitySource("Recorder.Benchmarks");
        _listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, _source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_listener);
        _allCores = new AllCoresRig(Environment.ProcessorCount, SpansPerInvoke);
    }

    // A fresh timeline per iteration keeps memory bounded. The previous one is stopped in the cleanup
    // (decoding is not measured), so each recording thread reuses its buffers, as in a notebook that
    // records again and again. Set COLD_BUFFERS=1 to measure first-touch buffers instead.
    [IterationSetup]
    public void IterationSetup()
    {
        _recording = Timeline.Start(Quiet);
        _allCores.Timeline = _recording;
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        if (Environment.GetEnvironmentVariable("COLD_BUFFERS") != "1")
            _recording.Stop();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _allCores.Dispose();
        _listener.Dispose();
        _source.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = SpansPerInvoke, Description = "Stopwatch.GetTimestamp pair")]
    public long StopwatchPair()
    {
        long sum = 0;
        for (var i = 0; i < SpansPerInvoke; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sum += Stopwatch.GetTimestamp() - start;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "Timeline span, 1 thread")]
    public void TimelineSpan()
    {
        var timeline = _recording;
        for (var i = 0; i < SpansPerInvoke; i++)
            using (timeline.Span("span")) { }
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "Timeline span, disabled")]
    public void DisabledTimelineSpan()
    {
        var timeline = _stopped;
        for (var i = 0; i < SpansPerInvoke; i++)
            using (timeline.Span("span")) { }
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "Activity start/stop (AllData)")]
    public void ActivitySpan()
    {
        for (var i = 0; i < SpansPerInvoke; i++)
            using (_source.StartActivity("span")) { }
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "Timeline span, all cores (per thread)")]
    public void TimelineSpanAllCores() => _allCores.Run();
}
