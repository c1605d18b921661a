using System.Text;
using System.Text.Json;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

/// <summary>
/// Writes the Chrome Trace Event Format: "M" thread names, "X" complete events per segment, "i" marks,
/// "C" thread-pool counters, "b"/"e" async operations, and "s"/"f" flows (bound with bp "e") for
/// released-by lines. Timestamps are microseconds, as the format requires.
/// </summary>
internal static class PerfettoWriter
{
    private const int Pid = 1;

    public static string Write(TimelineData data, string title)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("traceEvents");
            Metadata(json, "process_name", null, title);
            foreach (var thread in data.Threads)
                Metadata(json, "thread_name", Tid(thread), thread.Label);
            var tidOf = data.Threads.ToDictionary(t => t.ManagedId, Tid);

            // Longer first at equal start, so an enclosing span precedes what it contains (B/X must nest per thread).
            foreach (var s in data.Segments.OrderBy(s => s.Start).ThenByDescending(s => s.End))
            {
                Event(json, "X", s.Label, Category(s.State), tidOf.GetValueOrDefault(s.ThreadId, s.ThreadId), s.Start);
                json.WriteNumber("dur", Us(s.End - s.Start));
                if (s.Cause is not null || s.OnCpu is not null)
                {
                    json.WriteStartObject("args");
                    if (s.Cause is { } cause) json.WriteString("cause", cause.ToString());
                    if (s.OnCpu is { } cpu) json.WriteNumber("on_cpu_ms", Math.Round(cpu, 4));
                    if (s.WaitingForCpu is { } waiting) json.WriteNumber("waiting_for_cpu_ms", Math.Round(waiting, 4));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            foreach (var m in data.Marks)
            {
                Event(json, "i", m.Label, "mark", tidOf.GetValueOrDefault(m.ThreadId, m.ThreadId), m.Time);
                json.WriteString("s", "t");
                json.WriteEndObject();
            }
            foreach (var sample in data.Samples)
                Counter(json, "threadpool", sample.Time, ("threads", sample.ThreadCount), ("queue", sample.PendingWorkItems));
            foreach (var counter in data.Counters)
            {
                // JSON has no NaN: a value a cell could not compute is left out rather than breaking the export.
                foreach (var point in counter.Points.Where(p => double.IsFinite(p.Value)))
                    Counter(json, counter.Name, point.Time, ("value", point.Value));
            }
            var id = 1;
            foreach (var op in data.AsyncOperations)
            {
                var asyncId = "0x" + (id++).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
                Event(json, "b", op.Label, "async", tidOf.GetValueOrDefault(op.StartThreadId, op.StartThreadId), op.Start);
                json.WriteString("id", asyncId);
                json.WriteEndObject();
                Event(json, "e", op.Label, "async", tidOf.GetValueOrDefault(op.EndThreadId, op.EndThreadId), op.End);
                json.WriteString("id", asyncId);
                json.WriteEndObject();
            }
            foreach (var flow in data.Flows)
            {
                var flowId = id++;
                long from = tidOf.GetValueOrDefault(flow.FromThreadId, flow.FromThreadId), to = tidOf.GetValueOrDefault(flow.ToThreadId, flow.ToThreadId);
                // Zero-length slices give both ends of the arrow a slice to bind to, even at a bare Set().
                Event(json, "X", "release", "flow", from, flow.FromTime);
                json.WriteNumber("dur", 0);
                json.WriteEndObject();
                Event(json, "s", flow.Label, "flow", from, flow.FromTime);
                json.WriteNumber("id", flowId);
                json.WriteEndObject();
                Event(json, "X", "woken", "flow", to, flow.ToTime);
                json.WriteNumber("dur", 0);
                json.WriteEndObject();
                Event(json, "f", flow.Label, "flow", to, flow.ToTime);
                json.WriteNumber("id", flowId);
                json.WriteString("bp", "e");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Managed ids, or (for threads known only by OS id) the OS id, which Perfetto also shows.</summary>
    private static long Tid(TimelineThread thread) => thread.ManagedId >= 0 ? thread.ManagedId : thread.OsThreadId;

    private static double Us(double ms) => Math.Round(ms * 1000, 3);

    private static string Category(SegmentState state) => state switch
    {
        SegmentState.Blocked => "blocked",
        SegmentState.Sleeping => "sleeping",
        _ => "running",
    };

    private static void Metadata(Utf8JsonWriter json, string name, long? tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("ph", "M");
        json.WriteString("name", name);
        json.WriteNumber("pid", Pid);
        if (tid is { } t) json.WriteNumber("tid", t);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Opens an event object with the common fields; the caller adds the rest and closes it.</summary>
    /// <summary>A "C" (counter) event: Perfetto draws one track per name, one series per argument.</summary>
    private static void Counter(Utf8JsonWriter json, string name, double ms, params (string Name, double Value)[] values)
    {
        json.WriteStartObject();
        json.WriteString("ph", "C");
        json.WriteString("name", name);
        json.WriteNumber("pid", Pid);
        json.WriteNumber("ts", Us(ms));
        json.WriteStartObject("args");
        foreach (var (argument, value) in values)
            json.WriteNumber(argument, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Event(Utf8JsonWriter json, string phase, string name, string category, long tid, double ms)
    {
        json.WriteStartObject();
        json.WriteString("ph", phase);
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", tid);
        json.WriteNumber("ts", Us(ms));
    }
}
