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
    private static readonly TimelineOptions Quiet = new()
    {
        CaptureRuntimeEvents = false, SampleThreadPool = false, MeasureCpuTime = false, SampleThreadStates = false,
    };

    // The notebooks' default: CPU time per span on (the sampler is a separate thread, measured per thread below).
    private static readonly TimelineOptions WithCpu = Quiet with { MeasureCpuTime = true };

    private Timeline _recording = null!;
    private Timeline _recordingWithCpu = null!;
    private SchedulerStatFile? _ownStatFile;
    private long _ownOsThreadId;
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
        _ownOsThreadId = OsThread.CurrentId();
        _ownStatFile = SchedulerStatFile.TryOpen(_ownOsThreadId);
    }

    // A fresh timeline per iteration keeps memory bounded. The previous one is stopped in the cleanup
    // (decoding is not measured), so each recording thread reuses its buffers, as in a notebook that
    // records again and again. Set COLD_BUFFERS=1 to measure first-touch buffers instead.
    [IterationSetup]
    public void IterationSetup()
    {
        _recording = Timeline.Start(Quiet);
        _recordingWithCpu = Timeline.Start(WithCpu);
        _allCores.Timeline = _recording;
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        if (Environment.GetEnvironmentVariable("COLD_BUFFERS") != "1")
        {
            _recording.Stop();
            _recordingWithCpu.Stop();
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _allCores.Dispose();
        _listener.Dispose();
        _source.Dispose();
        _ownStatFile?.Dispose();
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

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "Timeline span + OS CPU time, 1 thread")]
    public void TimelineSpanWithCpuTime()
    {
        var timeline = _recordingWithCpu;
        for (var i = 0; i < SpansPerInvoke; i++)
            using (timeline.Span("span")) { }
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "thread CPU clock read (clock_gettime)")]
    public long CpuClockRead()
    {
        long sum = 0;
        for (var i = 0; i < SpansPerInvoke; i++)
            sum += ThreadCpuClock.Now();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = SpansPerInvoke, Description = "state sample, per sampled thread")]
    public long StateSamplePerThread()
    {
        // What the sampler does for each thread at each tick: the thread's CPU clock, then its schedstat.
        long sum = 0;
        for (var i = 0; i < SpansPerInvoke; i++)
        {
            ThreadCpuClock.TryRead(_ownOsThreadId, out var cpu);
            long waited = 0;
            _ownStatFile?.TryReadRunQueueWait(out waited);
            sum += cpu + waited;
        }
        return sum;
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
