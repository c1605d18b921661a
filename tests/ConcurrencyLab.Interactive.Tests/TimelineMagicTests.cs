using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Interactive.Tests;

public sealed class TimelineMagicTests : IDisposable
{
    private readonly InProcessKernel _kernel = new();

    public void Dispose() => _kernel.Dispose();

    private const string TwoWorkers = """
        #!timeline --title "Two workers" --runtime-events off
        using System.Threading;
        var workers = Enumerable.Range(0, 2).Select(i => new Thread(() => Thread.Sleep(40)) { Name = $"worker {i + 1}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        """;

    [Fact]
    public async Task Threads_the_cell_starts_get_a_row_each_with_a_span_named_after_the_line()
    {
        var run = (await _kernel.RunAsync(TwoWorkers)).AssertSucceeded();

        var timeline = run.Displayed<Timeline>();
        Assert.Equal("Two workers", timeline.Title);
        var workers = timeline.Threads.Where(t => t.Name?.StartsWith("worker", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, workers.Count);
        foreach (var worker in workers)
        {
            var span = Assert.Single(timeline.Segments, s => s.ThreadId == worker.ManagedId && s.State == SegmentState.Running);
            Assert.Equal("new Thread (line 3)", span.Label);
        }
        // The cell's own thread has its "cell" span too: three rows in the Gantt.
        Assert.Contains(timeline.Segments, s => s.Label == "cell");
        Assert.Equal(3, timeline.ToGanttChart().Lanes.Count(l => l.Label.StartsWith('T')));
    }

    [Fact]
    public async Task The_timeline_is_shown_with_the_four_mime_types_after_the_cells_value()
    {
        var run = (await _kernel.RunAsync("#!timeline --runtime-events off\nSystem.Threading.Thread.Sleep(5);\n6 * 7")).AssertSucceeded();

        Assert.Equal(42, run.ReturnValue);
        var display = Assert.Single(run.Displays);
        Assert.Equal(ChartMimeTypes.Preferred, display.FormattedValues.Select(v => v.MimeType));
        Assert.Contains("<svg", display.FormattedValues.Single(v => v.MimeType == ChartMimeTypes.Html).Value);
        var returned = run.Events.ToList().FindIndex(e => e is Microsoft.DotNet.Interactive.Events.ReturnValueProduced);
        Assert.True(returned < run.Events.ToList().IndexOf(display));
    }

    [Fact]
    public async Task A_cell_that_is_only_a_value_shows_it_and_its_timeline()
    {
        var run = (await _kernel.RunAsync("#!timeline --runtime-events off\n1")).AssertSucceeded();

        Assert.Equal(1, run.ReturnValue);
        Assert.Single(run.Displays);
    }

    [Fact]
    public async Task The_variable_holds_the_recording_timeline_in_the_cell_and_the_stopped_one_after()
    {
        var code = """
            #!timeline --variable tl --runtime-events off
            using (tl.Span("by hand")) System.Threading.Thread.Sleep(5);
            tl.Mark("done");
            """;
        (await _kernel.RunAsync(code)).AssertSucceeded();

        var spans = (await _kernel.RunAsync("tl.Segments.Count(s => s.Label == \"by hand\")")).AssertSucceeded().ReturnValue;
        Assert.Equal(1, spans);
        Assert.Equal(false, (await _kernel.RunAsync("tl.IsRecording")).ReturnValue);
    }

    [Fact]
    public async Task Task_Run_and_Parallel_For_lambdas_get_spans_too()
    {
        var code = """
            #!timeline --runtime-events off
            await Task.Run(() => System.Threading.Thread.Sleep(5));
            System.Threading.Tasks.Parallel.For(0, 4, i => { System.Threading.Thread.Sleep(2); });
            """;
        var timeline = (await _kernel.RunAsync(code)).AssertSucceeded().Displayed<Timeline>();

        Assert.Single(timeline.Segments, s => s.Label == "Task.Run (line 2)");
        Assert.Equal(4, timeline.Segments.Count(s => s.Label == "Parallel.For (line 3)"));
    }

    [Fact]
    public async Task Auto_spans_can_be_turned_off()
    {
        var timeline = (await _kernel.RunAsync(TwoWorkers.Replace("--runtime-events off", "--runtime-events off --auto-spans off"))).AssertSucceeded().Displayed<Timeline>();

        Assert.DoesNotContain(timeline.Segments, s => s.Label.StartsWith("new Thread", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cell_span_can_be_turned_off_leaving_the_cells_row_to_what_the_code_records()
    {
        var timeline = (await _kernel.RunAsync(TwoWorkers.Replace("--runtime-events off", "--runtime-events off --cell-span off"))).AssertSucceeded().Displayed<Timeline>();

        Assert.DoesNotContain(timeline.Segments, s => s.Label == "cell");
        Assert.Equal(2, timeline.Segments.Count(s => s.Label == "new Thread (line 3)"));
    }

    [Theory]
    [InlineData("--runtime-events off --thread-pool on", true)]
    [InlineData("--runtime-events on --thread-pool off", false)]
    [InlineData("--runtime-events off", false)]
    public async Task Thread_pool_sampling_is_set_apart_from_runtime_events_and_follows_them_by_default(string options, bool sampled)
    {
        var timeline = (await _kernel.RunAsync($"#!timeline {options}\nSystem.Threading.Thread.Sleep(60);")).AssertSucceeded().Displayed<Timeline>();

        Assert.Equal(sampled, timeline.ThreadPoolSamples.Count > 0);
    }

    [Fact]
    public async Task A_cell_that_throws_still_shows_its_timeline_then_fails_with_the_exception()
    {
        var run = await _kernel.RunAsync("#!timeline --runtime-events off\nSystem.Threading.Thread.Sleep(5);\nthrow new InvalidOperationException(\"boom\");");

        Assert.True(run.Failed);
        Assert.Contains("boom", run.FailureMessage);
        var timeline = run.Displayed<Timeline>();
        Assert.False(timeline.IsRecording);
        var failed = run.Events.ToList().FindIndex(e => e is Microsoft.DotNet.Interactive.Events.CommandFailed);
        Assert.True(run.Events.ToList().IndexOf(run.Displays.Single()) < failed);
    }

    [Fact]
    public async Task A_cancelled_cell_shows_the_timeline_recorded_so_far_before_it_is_reported_cancelled()
    {
        var run = await _kernel.RunAndCancelAsync("#!timeline --runtime-events off\nConsole.WriteLine(\"running\");\nawait Task.Delay(30_000);", "running");

        Assert.True(run.Failed);
        var timeline = run.Displayed<Timeline>();
        Assert.False(timeline.IsRecording);
        var failed = run.Events.ToList().FindIndex(e => e is Microsoft.DotNet.Interactive.Events.CommandFailed);
        Assert.True(run.Events.ToList().IndexOf(run.Displays.Single()) < failed);
    }

    [Fact]
    public async Task The_perfetto_option_saves_the_trace_and_says_where()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timeline-{Guid.NewGuid():N}.json");
        try
        {
            var run = (await _kernel.RunAsync($"#!timeline --runtime-events off --perfetto \"{path}\"\nSystem.Threading.Thread.Sleep(2);")).AssertSucceeded();

            Assert.True(File.Exists(path));
            Assert.Contains("traceEvents", File.ReadAllText(path));
            Assert.Contains(run.Displays, d => d.Value is string text && text.Contains(path, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task With_runtime_events_a_contended_lock_shows_as_blocked_time()
    {
        var code = """
            #!timeline
            using System.Threading;
            var gate = new object();
            var holder = new Thread(() => { lock (gate) Thread.Sleep(200); });
            holder.Start();
            Thread.Sleep(50);
            lock (gate) { }
            holder.Join();
            """;
        var timeline = (await _kernel.RunAsync(code)).AssertSucceeded().Displayed<Timeline>();

        Assert.Contains(timeline.Segments, s => s.State == SegmentState.Blocked);
    }
}
