using System.Xml.Linq;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>What the summary and the static chart say: what was measured, from when, with the same figures in both.</summary>
public class TimelineSummaryTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly TimelineThread Main = new(1, "main", false, false);

    private static List<string> SvgTexts(Timeline timeline) =>
        XDocument.Parse(timeline.ToSvg()).Descendants(Svg + "text").Select(t => t.Value).ToList();

    [Fact]
    public void A_timeline_without_spans_or_cpu_time_says_nothing_was_counted_not_busy_0()
    {
        var wait = new TimelineSegment(1, 0, 10, SegmentState.Blocked, "lock") { Cause = BlockCause.Lock };
        var text = Timeline.Create(new[] { Main }, new[] { wait }).ToPlainText();

        Assert.Contains("no spans and CPU time not measured: nothing counted as on a CPU", text);
        Assert.Contains("T1 main (dedicated, fg): no spans, blocked 10 ms", text);
        Assert.DoesNotContain("busy", text);
    }

    [Fact]
    public void A_recording_without_spans_says_cpu_time_is_counted_inside_spans_only()
    {
        var timeline = Timeline.Record(tl => tl.Mark("only a mark"), Handshake.Quiet);
        var text = timeline.ToPlainText();

        Assert.DoesNotContain("busy", text);
        Assert.Contains("no spans", text);
        Assert.Equal(0, timeline.MaxConcurrency);
    }

    [Fact]
    public void Wall_time_starts_at_the_first_recorded_event_not_at_the_recorders_start_up()
    {
        // Whatever happens before the first event (here an unrecorded sleep, in a first recording the recorder's own
        // warm-up) is not part of the timeline.
        var timeline = Timeline.Record(tl =>
        {
            Thread.Sleep(20);
            using (tl.Span("first")) { }
            tl.Mark("after");
        }, new TimelineOptions { CaptureRuntimeEvents = false });

        var first = Assert.Single(timeline.Segments, s => s.Label == "first");
        Assert.Equal(0, first.Start);
        Assert.True(timeline.WallTime.TotalMilliseconds >= timeline.Marks.Single().Time);
        Assert.All(timeline.ThreadPoolSamples, s => Assert.True(s.Time >= 0));
        Assert.Equal(0, timeline.ThreadPoolSamples[0].Time);
    }

    [Fact]
    public void The_first_event_may_be_a_tracked_tasks_start()
    {
        var timeline = Timeline.Record(tl =>
        {
            Thread.Sleep(5);
            tl.Track(Task.CompletedTask, "done").GetAwaiter().GetResult();
        }, Handshake.Quiet);

        Assert.All(timeline.AsyncOperations, o => Assert.True(o.Start >= 0));
    }

    [Fact]
    public void The_static_chart_carries_the_summary_figures()
    {
        var spans = new[]
        {
            new TimelineSegment(1, 0, 40, SegmentState.Running, "work") { OnCpu = 30 },
            new TimelineSegment(2, 0, 40, SegmentState.Running, "work") { OnCpu = 20 },
        };
        var threads = new[] { Main, new TimelineThread(2, "other", false, false) };
        var timeline = Timeline.Create(threads, spans, wallTimeMs: 50);

        var texts = SvgTexts(timeline);

        Assert.Contains(texts, t => t.Contains("wall 50 ms", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("on CPU 50 ms in spans", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("average parallelism 1.00", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("max concurrency", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("T2 other (dedicated, fg): on CPU 20 ms", StringComparison.Ordinal));
        // The same figures as the text summary, line for line.
        foreach (var line in timeline.ToPlainText().Split(Environment.NewLine).Skip(1).Where(l => l.Length < 80))
            Assert.Contains(line.Trim(), texts);
    }
}
