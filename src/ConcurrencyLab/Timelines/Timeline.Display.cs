using System.Globalization;
using System.Text;
using ConcurrencyLab.Charts;

namespace ConcurrencyLab.Timelines;

// Display: the Gantt (Plotly, SVG in HTML, SVG) and the text/plain summary with the derived figures.
public sealed partial class Timeline
{
    /// <summary>The thread timeline as a Gantt chart, built on each call; empty with a hint while still recording.</summary>
    public Chart ToChart() =>
        // A notebook may display the variable before Stop(): show the hint rather than fail the display.
        _data is null ? new GanttChart { Title = Title + " (recording: call Stop() to see it)" } : ToGanttChart();

    /// <summary>The thread timeline as a <see cref="GanttChart"/>, to adjust before displaying.</summary>
    public GanttChart ToGanttChart() => TimelineChartBuilder.Build(Data, Title, FigureLines().Prepend(Headline()));

    /// <summary>Static SVG of the Gantt, e.g. to save next to a notebook.</summary>
    public string ToSvg() => ToChart().ToSvg();

    /// <summary>A readable summary: threads, spans, wall time, parallelism, blocked time by cause, per-thread figures.</summary>
    public string ToPlainText() =>
        _data is null ? $"{Title}: recording ({_buffers.Count} threads so far)" : string.Join(Environment.NewLine, SummaryLines());

    /// <summary>The summary, so a timeline reads well in string interpolation and logs.</summary>
    public override string ToString() => ToPlainText();

    private IEnumerable<string> SummaryLines() => FigureLines().Prepend(Title + ": " + Headline());

    /// <summary>What was recorded and the wall time: the summary's first line, and the first note under the static chart.</summary>
    private string Headline() => string.Format(CultureInfo.InvariantCulture, "{0} threads, {1} spans, {2} marks, wall {3:0.###} ms",
        Data.Threads.Count, SpanCount(), Data.Marks.Count, Data.WallMs);

    /// <summary>The summary's figures after its first line: the chart carries them as notes, so the static SVG says them too.</summary>
    private IEnumerable<string> FigureLines()
    {
        var f = Data.Figures;
        var c = CultureInfo.InvariantCulture;
        // CPU time is measured inside spans only: with none, there is nothing to count, whatever the recorder measured.
        var noSpans = !f.CpuMeasured && SpanCount() == 0;
        if (f.CpuMeasured)
        {
            yield return string.Format(c, "on CPU {0:0.###} ms in spans, average parallelism {1:0.00}, max concurrency {2} (threads on a CPU at once, at least; {3})",
                f.TotalBusyMs, f.AverageParallelism, f.MaxConcurrency, f.MaxConcurrencyBasis == ConcurrencyBasis.Samples
                    ? "from the scheduler samples" : "from the spans' CPU clocks");
            yield return string.Format(c, "in spans but waiting for a CPU {0:0.###} ms, off CPU {1:0.###} ms; most threads in spans at once {2}",
                f.WaitingForCpuMs, f.OffCpuMs, f.MaxThreadsInSpans);
        }
        else if (noSpans)
        {
            yield return Data.Cpu.PerSpan || Data.Cpu.Sampled
                ? "no spans, so no time on a CPU counted (it is counted inside spans only): average parallelism 0.00, max concurrency 0"
                : "no spans and CPU time not measured: nothing counted as on a CPU (average parallelism 0.00, max concurrency 0)";
        }
        else
        {
            // Not measured: what is counted is time in spans outside recorded waits, and the line says so.
            yield return string.Format(c, "in spans outside recorded waits {0:0.###} ms (CPU time not measured), average parallelism {1:0.00}, max concurrency {2} (threads in spans at once)",
                f.TotalBusyMs, f.AverageParallelism, f.MaxConcurrency);
        }
        yield return Data.Cpu.Note;
        var blocked = f.BlockedMsByCause.Count == 0
            ? "none"
            : string.Join(", ", f.BlockedMsByCause.OrderByDescending(p => p.Value).Select(p => string.Format(c, "{0} {1:0.###} ms", p.Key, p.Value)));
        yield return string.Format(c, "blocked: {0}; sleeping {1:0.###} ms", blocked, f.SleepingMs);
        foreach (var thread in Data.Threads)
        {
            var threadBlocked = f.BlockedMsByThread.GetValueOrDefault(thread.ManagedId);
            if ((f.CpuMeasured || noSpans) && SpanCount(thread.ManagedId) == 0)
                yield return string.Format(c, "  {0}: no spans, blocked {1:0.###} ms", thread.Label, threadBlocked);
            else
                yield return string.Format(c, f.CpuMeasured ? "  {0}: on CPU {1:0.###} ms, blocked {2:0.###} ms" : "  {0}: in spans {1:0.###} ms, blocked {2:0.###} ms",
                    thread.Label, f.BusyMsByThread.GetValueOrDefault(thread.ManagedId), threadBlocked);
        }
        if (Data.AsyncOperations.Count > 0)
            yield return string.Format(c, "async operations: {0}, {1} hopped threads", Data.AsyncOperations.Count, Data.AsyncOperations.Count(o => o.HoppedThreads));
        if (Data.Flows.Count > 0)
            yield return string.Format(c, "released-by links: {0}", Data.Flows.Count);
        if (Data.DroppedEvents > 0)
            yield return string.Format(c, "DROPPED {0} events (MaxEventsPerThread reached); figures cover the kept ones", Data.DroppedEvents);
        if (Data.RuntimeEventProblem is { } problem)
            yield return problem;
    }
}
