using System.Globalization;
using System.Text;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// The outcome of <see cref="Measure.Time(Action, MeasureOptions?)"/>: time per operation with %timeit's
/// statistics, and BenchmarkDotNet's memory and threading columns per operation. Times are in nanoseconds.
/// </summary>
/// <example><code>var r = Measure.Time(() => list.Sort()); r.Mean / 1000  // µs per call</code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class TimingResult : ITabularDisplayable
{
    internal TimingResult(
        string name,
        IReadOnlyList<double> runTimes,
        long loops,
        RuntimeCounters counters,
        bool? isOptimized,
        bool isAsync,
        MeasureOptions options,
        bool loopsCut,
        bool repeatsCut,
        TimeSpan wallTime,
        IReadOnlyList<string> budgetNotes)
    {
        Name = name;
        RunTimes = runTimes;
        Loops = loops;
        Mean = Statistics.Mean(runTimes);
        StdDev = Statistics.PopulationStdDev(runTimes);
        Min = runTimes.Min();
        Max = runTimes.Max();
        Median = Statistics.Median(runTimes);
        double operations = (double)loops * runTimes.Count;
        Operations = (long)operations;
        Allocated = counters.AllocatedBytes / operations;
        Gen0 = counters.Gen0Collections * 1000.0 / operations;
        Gen1 = counters.Gen1Collections * 1000.0 / operations;
        Gen2 = counters.Gen2Collections * 1000.0 / operations;
        LockContentions = counters.LockContentions / operations;
        CompletedWorkItems = counters.CompletedWorkItems / operations;
        IsOptimized = isOptimized;
        IsAsync = isAsync;
        Budget = options.Budget;
        RequestedRepeats = options.Repeats;
        LoopsCut = loopsCut;
        RepeatsCut = repeatsCut;
        WallTime = wallTime;
        Options = options;
        _warnings = BuildWarnings();
        BudgetNotes = budgetNotes;
    }

    /// <summary>What was measured (the name given to <c>Compare</c>, or "code").</summary>
    public string Name { get; }

    /// <summary>Mean time per operation over the repeats, in nanoseconds.</summary>
    public double Mean { get; }

    /// <summary>Population standard deviation of the per-operation times of the repeats (as %timeit), in nanoseconds.</summary>
    public double StdDev { get; }

    /// <summary>Fastest repeat's time per operation, in nanoseconds (%timeit's <c>best</c>).</summary>
    public double Min { get; }

    /// <summary>Median of the repeats' times per operation, in nanoseconds.</summary>
    public double Median { get; }

    /// <summary>Slowest repeat's time per operation, in nanoseconds (%timeit's <c>worst</c>).</summary>
    public double Max { get; }

    /// <summary>Time per operation of each repeat, in nanoseconds, in the order they ran.</summary>
    public IReadOnlyList<double> RunTimes { get; }

    /// <summary>Operations per repeat (the calibrated loop count).</summary>
    public long Loops { get; }

    /// <summary>Repeats actually run; fewer than <see cref="RequestedRepeats"/> when the budget cut them.</summary>
    public int Repeats => RunTimes.Count;

    /// <summary>Repeats asked for (%timeit's <c>-r</c>, 7 by default).</summary>
    public int RequestedRepeats { get; }

    /// <summary>Timed operations in total: <see cref="Loops"/> × <see cref="Repeats"/>.</summary>
    public long Operations { get; }

    /// <summary>BenchmarkDotNet's "Allocated": bytes allocated per operation on all threads (precise).</summary>
    public double Allocated { get; }

    /// <summary>BenchmarkDotNet's "Gen0": generation-0 collections per 1,000 operations.</summary>
    public double Gen0 { get; }

    /// <summary>BenchmarkDotNet's "Gen1": generation-1 collections per 1,000 operations.</summary>
    public double Gen1 { get; }

    /// <summary>BenchmarkDotNet's "Gen2": generation-2 collections per 1,000 operations.</summary>
    public double Gen2 { get; }

    /// <summary>BenchmarkDotNet's "Completed Work Items": thread-pool work items completed per operation.</summary>
    public double CompletedWorkItems { get; }

    /// <summary>BenchmarkDotNet's "Lock Contentions": Monitor lock contentions per operation.</summary>
    public double LockContentions { get; }

    /// <summary>
    /// Whether the measured delegate's assembly was compiled with the JIT optimiser on;
    /// <c>false</c> for a Debug-compiled cell, whose timings overstate Release code; <c>null</c> if unknown.
    /// </summary>
    public bool? IsOptimized { get; }

    /// <summary>
    /// Nanoseconds per operation the timing loop itself costs (an empty delegate call), already subtracted from every
    /// time above when <see cref="MeasureOptions.SubtractOverhead"/> is on (the default), as BenchmarkDotNet does.
    /// </summary>
    public double Overhead { get; internal init; }

    /// <summary>Whether an async (<c>Func&lt;Task&gt;</c>) delegate was measured.</summary>
    public bool IsAsync { get; }

    /// <summary>The budget the measurement ran under.</summary>
    public TimeSpan Budget { get; }

    /// <summary>Whether the budget forced a loop count below %timeit's 0.2 s rule.</summary>
    public bool LoopsCut { get; }

    /// <summary>Whether the budget forced fewer repeats than requested.</summary>
    public bool RepeatsCut { get; }

    /// <summary>The options the measurement ran with (after sharing a budget), for the remarks.</summary>
    internal MeasureOptions Options { get; }

    /// <summary>
    /// Whether there were repeats to spread: with one run, <see cref="StdDev"/> is 0 only because there is nothing to
    /// compare, and the result says "no spread" instead of "± 0".
    /// </summary>
    public bool HasSpread => Repeats >= 2;

    /// <summary>Whether the budget cut anything (loop count or repeats).</summary>
    public bool BudgetCut => LoopsCut || RepeatsCut;

    /// <summary>Wall time of the whole measurement: warm-up, calibration, forced GCs and repeats.</summary>
    public TimeSpan WallTime { get; }

    /// <summary>
    /// Ratio of the slowest repeat to the fastest; above 4 %timeit warns that a result may be cached.
    /// </summary>
    public double Spread => Min > 0 ? Max / Min : double.NaN;

    private readonly List<string> _warnings;

    /// <summary>
    /// Warnings a reader should see: Debug-compiled code, a slowest repeat over 4× the fastest, a time per call
    /// under a quarter of the timing loop's own cost (which was subtracted).
    /// </summary>
    public IReadOnlyList<string> Warnings => Overhead > 0 && Mean < Overhead / 4
        ? _warnings.Append(
            $"The time per call ({DurationText.Format(Mean)}) is under a quarter of the timing loop's own cost ({DurationText.Format(Overhead)}), which was subtracted: too quick to tell apart from an empty call; read it as about zero.").ToList()
        : _warnings;

    /// <summary>What the budget cut (loop count, repeats), in words; empty when %timeit's rules fitted.</summary>
    public IReadOnlyList<string> BudgetNotes { get; }

    /// <summary>The %timeit line, e.g. "12.3 ns ± 0.4 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)".</summary>
    public string Summary => HasSpread
        ? string.Create(CultureInfo.InvariantCulture,
            $"{DurationText.Format(Mean)} ± {DurationText.Format(StdDev)} per loop (mean ± std. dev. of {Repeats} runs, {Loops:N0} loop{(Loops == 1 ? "" : "s")} each)")
        : string.Create(CultureInfo.InvariantCulture,
            $"{DurationText.Format(Mean)} per loop (one run of {Loops:N0} loop{(Loops == 1 ? "" : "s")}: no repeats, so no spread)");

    /// <summary>The summary line, the counters and the warnings, as plain text.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Name != Measure.DefaultName) text.Append(Name).Append(": ");
        text.AppendLine(Summary);
        if (HasSpread)
            text.Append("min ").Append(DurationText.Format(Min))
                .Append(", median ").Append(DurationText.Format(Median))
                .Append(", max ").Append(DurationText.Format(Max));
        if (Overhead > 0) text.Append(HasSpread ? " (" : "(").Append("loop overhead ").Append(DurationText.Format(Overhead)).Append(" per call subtracted)");
        if (HasSpread || Overhead > 0) text.AppendLine();
        text.Append("Allocated ").Append(CounterText.Bytes(Allocated))
            .Append(" | Gen0 ").Append(CounterText.PerThousand(Gen0))
            .Append(" | Gen1 ").Append(CounterText.PerThousand(Gen1))
            .Append(" | Gen2 ").Append(CounterText.PerThousand(Gen2))
            .Append(" | Completed Work Items ").Append(CounterText.PerOperation(CompletedWorkItems))
            .Append(" | Lock Contentions ").Append(CounterText.PerOperation(LockContentions))
            .AppendLine();
        foreach (string remark in ResultText.Remarks(new[] { ((string?)null, this) })) text.AppendLine(remark);
        return text.ToString().TrimEnd();
    }

    /// <summary>The repeats as points (time per operation of each) with the mean as a dashed line.</summary>
    public Chart ToChart()
    {
        var unit = TimeUnit.For(Max);
        var repeatNumbers = Enumerable.Range(1, Repeats).Select(i => (double)i).ToArray();
        var chart = new XYChart
        {
            Title = (Name == Measure.DefaultName ? "" : Name + ": ") + Summary,
            XAxisTitle = "repeat",
            YAxisTitle = $"{unit.Symbol} per operation",
        };
        chart.Series.Add(new XYSeries("repeats", repeatNumbers, RunTimes.Select(unit.Convert).ToArray()) { Mode = XYSeriesMode.Markers });
        chart.Series.Add(new XYSeries("mean", new[] { 1.0, Repeats }, new[] { unit.Convert(Mean), unit.Convert(Mean) })
        {
            Mode = XYSeriesMode.Lines,
            Dashed = true,
        });
        return chart;
    }

    /// <summary>The plain-text summary (same as <see cref="ToString"/>).</summary>
    public string ToPlainText() => ToString();

    TextTable ITabularDisplayable.Table()
    {
        var table = new TextTable("Method", "Mean", "StdDev", "Min", "Median", "Max", "Allocated", "Gen0", "Gen1", "Gen2",
            "Completed Work Items", "Lock Contentions", "Loops × Repeats");
        table.Add(Name, DurationText.Format(Mean), SpreadText(), DurationText.Format(Min), DurationText.Format(Median),
            DurationText.Format(Max), CounterText.Bytes(Allocated), CounterText.PerThousand(Gen0), CounterText.PerThousand(Gen1),
            CounterText.PerThousand(Gen2), CounterText.PerOperation(CompletedWorkItems), CounterText.PerOperation(LockContentions),
            string.Create(CultureInfo.InvariantCulture, $"{Loops:N0} × {Repeats}"));
        return table.WithoutEmptyColumns(EmptyWhenUnused);
    }

    /// <summary>Counter columns left out of a table when no row has anything in them (as BenchmarkDotNet does).</summary>
    internal static readonly string[] EmptyWhenUnused = { "Gen0", "Gen1", "Gen2", "Completed Work Items", "Lock Contentions" };

    /// <summary>The std dev, or "–" when one run left nothing to spread.</summary>
    internal string SpreadText() => HasSpread ? DurationText.Format(StdDev) : "–";

    IEnumerable<string> ITabularDisplayable.Remarks() => ResultText.Remarks(new[] { ((string?)null, this) }).Prepend(Summary);

    private List<string> BuildWarnings()
    {
        var warnings = new List<string>();
        if (IsOptimized == false)
            warnings.Add("The measured code was compiled without optimisations (Debug); Release code may be much faster.");
        if (Spread > 4)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The slowest run took {Spread:F2} times longer than the fastest. This could mean that an intermediate result is being cached."));
        return warnings;
    }
}
