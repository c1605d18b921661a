using System.Globalization;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// Thread-pool thread count, queue length, completed work items, lock contentions and GC heap size, sampled
/// while a piece of code ran; drawn as one lane per counter over time.
/// </summary>
/// <example><code>var s = Measure.Sample(() => Parallel.For(0, 200, _ => Thread.Sleep(10))); s.MaxThreadCount</code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class SamplingResult : ITabularDisplayable
{
    internal SamplingResult(IReadOnlyList<CounterSample> samples, TimeSpan duration, TimeSpan interval, TimeSpan budget, bool budgetCut)
    {
        Samples = samples;
        Duration = duration;
        Interval = interval;
        Budget = budget;
        BudgetCut = budgetCut;
    }

    /// <summary>The samples in time order; the first is taken as the code starts, the last as it ends (unless the budget cut sampling).</summary>
    public IReadOnlyList<CounterSample> Samples { get; }

    /// <summary>How long the code ran.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The time between samples.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Sampling stops after this long even if the code is still running.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Whether the code outlasted the budget, so the samples cover only its start.</summary>
    public bool BudgetCut { get; }

    /// <summary>Most thread-pool threads seen.</summary>
    public int MaxThreadCount => Samples.Max(s => s.ThreadCount);

    /// <summary>Longest thread-pool queue seen.</summary>
    public long MaxPendingWorkItems => Samples.Max(s => s.PendingWorkItems);

    /// <summary>Work items completed from the start to the last sample.</summary>
    public long CompletedWorkItems => Samples[^1].CompletedWorkItems;

    /// <summary>Monitor lock contentions from the start to the last sample.</summary>
    public long LockContentions => Samples[^1].LockContentions;

    /// <summary>Largest GC heap size seen, in bytes.</summary>
    public long MaxHeapBytes => Samples.Max(s => s.HeapBytes);

    /// <summary>One counter lane per counter (each on its own scale), time in ms across.</summary>
    public Chart ToChart()
    {
        var chart = new GanttChart { Title = "Thread pool, locks and GC heap over time" };
        chart.Counters.Add(Lane("thread-pool threads", s => s.ThreadCount));
        chart.Counters.Add(Lane("queue length (pending work items)", s => s.PendingWorkItems));
        chart.Counters.Add(Lane("completed work items", s => s.CompletedWorkItems));
        chart.Counters.Add(Lane("lock contentions", s => s.LockContentions));
        chart.Counters.Add(Lane("GC heap (MB)", s => s.HeapBytes / (1024.0 * 1024.0)));
        if (BudgetCut)
        {
            // Said under the title too: the interactive figure has no table or remarks under its lanes.
            chart.Notes.Add($"Sampling stopped at the {Budget.TotalSeconds:0.###} s budget; the code ran {Duration.TotalSeconds:0.###} s.");
            chart.Subtitle = chart.Notes[^1];
        }
        return chart;
    }

    /// <summary>The peaks and totals, plus a warning when the budget cut sampling.</summary>
    public string ToPlainText() => ResultText.Plain(this);

    TextTable ITabularDisplayable.Table()
    {
        var table = new TextTable("Samples", "Every", "Duration", "Max threads", "Max queue length", "Completed Work Items", "Lock Contentions", "Max GC heap");
        table.Add(Samples.Count.ToString(CultureInfo.InvariantCulture), DurationText.Format(Interval.TotalMilliseconds * 1e6),
            DurationText.Format(Duration.TotalMilliseconds * 1e6), MaxThreadCount.ToString(CultureInfo.InvariantCulture),
            MaxPendingWorkItems.ToString(CultureInfo.InvariantCulture), CompletedWorkItems.ToString(CultureInfo.InvariantCulture),
            LockContentions.ToString(CultureInfo.InvariantCulture), CounterText.Bytes(MaxHeapBytes));
        return table;
    }

    IEnumerable<string> ITabularDisplayable.Remarks()
    {
        if (BudgetCut)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"warning: sampling stopped at the {Budget.TotalSeconds:0.###} s budget; the code ran {Duration.TotalSeconds:0.###} s.");
    }

    /// <summary>The plain-text summary.</summary>
    public override string ToString() => ToPlainText();

    private CounterLane Lane(string name, Func<CounterSample, double> value)
    {
        var lane = new CounterLane(name);
        lane.Points.AddRange(Samples.Select(s => new CounterPoint(s.Time.TotalMilliseconds, value(s))));
        return lane;
    }
}
