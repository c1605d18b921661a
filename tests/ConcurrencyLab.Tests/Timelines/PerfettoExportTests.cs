using System.Text.Json;
using ConcurrencyLab.Timelines;

namespace ConcurrencyLab.Tests.Timelines;

/// <summary>Checks the export against the Trace Event Format facts Perfetto's JSON importer relies on.</summary>
public class PerfettoExportTests
{
    private static List<JsonElement> Events(Timeline timeline) =>
        JsonDocument.Parse(timeline.ToPerfettoJson()).RootElement.GetProperty("traceEvents").EnumerateArray().ToList();

    [Fact]
    public void Segments_are_complete_events_in_microseconds_on_named_threads()
    {
        var events = Events(TimelineFiguresTests.TwoThreads());

        var names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .ToDictionary(e => e.GetProperty("tid").GetInt64(), e => e.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal("T1 main (dedicated, fg)", names[1]);
        Assert.Equal("T7 (pool, bg)", names[7]);
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "process_name");

        var blocked = Assert.Single(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString() == "lock gate");
        Assert.Equal(2000, blocked.GetProperty("ts").GetDouble());
        Assert.Equal(2000, blocked.GetProperty("dur").GetDouble());
        Assert.Equal("blocked", blocked.GetProperty("cat").GetString());
        Assert.Equal("Lock", blocked.GetProperty("args").GetProperty("cause").GetString());
        Assert.All(events.Where(e => e.GetProperty("ph").GetString() != "M"), e =>
        {
            Assert.Equal(1, e.GetProperty("pid").GetInt32());
            Assert.Equal(JsonValueKind.Number, e.GetProperty("ts").ValueKind);
        });
        var tids = events.Where(e => e.TryGetProperty("tid", out _)).Select(e => e.GetProperty("tid").GetInt64()).Distinct();
        Assert.All(tids, tid => Assert.True(names.ContainsKey(tid), $"tid {tid} has no thread_name"));
    }

    [Fact]
    public void Enclosing_spans_come_before_what_they_contain()
    {
        var events = Events(TimelineFiguresTests.TwoThreads()).Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("tid").GetInt64() == 1).ToList();
        Assert.Equal("download", events[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Released_by_lines_are_flow_pairs_bound_to_enclosing_slices()
    {
        var events = Events(TimelineFiguresTests.TwoThreads());

        var start = Assert.Single(events, e => e.GetProperty("ph").GetString() == "s");
        var finish = Assert.Single(events, e => e.GetProperty("ph").GetString() == "f");
        Assert.Equal(start.GetProperty("id").GetInt64(), finish.GetProperty("id").GetInt64());
        Assert.Equal(start.GetProperty("cat").GetString(), finish.GetProperty("cat").GetString());
        Assert.Equal(start.GetProperty("name").GetString(), finish.GetProperty("name").GetString());
        Assert.Equal("e", finish.GetProperty("bp").GetString());
        Assert.Equal(7, start.GetProperty("tid").GetInt64());
        Assert.Equal(1, finish.GetProperty("tid").GetInt64());
        Assert.Equal(4000, finish.GetProperty("ts").GetDouble());
        var mark = Assert.Single(events, e => e.GetProperty("ph").GetString() == "i");
        Assert.Equal("t", mark.GetProperty("s").GetString());
    }

    [Fact]
    public void Counters_and_async_operations_are_exported_and_the_file_is_saved_whole()
    {
        var timeline = Timeline.Record(tl =>
        {
            SpanScope scope = default;
            var opener = new Thread(() => scope = tl.Span("hop"));
            opener.Start();
            opener.Join();
            scope.Dispose();
        }, new TimelineOptions { CaptureRuntimeEvents = false });
        var events = Events(timeline);

        var counters = events.Where(e => e.GetProperty("ph").GetString() == "C").ToList();
        Assert.True(counters.Count >= 2);
        Assert.All(counters, c =>
        {
            Assert.Equal("threadpool", c.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Number, c.GetProperty("args").GetProperty("threads").ValueKind);
            Assert.Equal(JsonValueKind.Number, c.GetProperty("args").GetProperty("queue").ValueKind);
        });
        var begin = Assert.Single(events, e => e.GetProperty("ph").GetString() == "b");
        var end = Assert.Single(events, e => e.GetProperty("ph").GetString() == "e");
        Assert.Equal(begin.GetProperty("id").GetString(), end.GetProperty("id").GetString());
        Assert.NotEqual(begin.GetProperty("tid").GetInt64(), end.GetProperty("tid").GetInt64());

        var path = Path.Combine(Path.GetTempPath(), $"timeline-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(path, timeline.SavePerfettoJson(path));
            Assert.Equal(timeline.ToPerfettoJson(), File.ReadAllText(path));
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
