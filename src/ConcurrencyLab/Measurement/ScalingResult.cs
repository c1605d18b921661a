using System.Collections;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// A workload timed at several degrees of parallelism: speedup against degree 1, drawn with the ideal line,
/// the processor count marked, and the Amdahl curve of the best-fitting serial fraction.
/// </summary>
/// <example><code>var s = Measure.Scaling(dop => Parallel.For(0, 1000, new() { MaxDegreeOfParallelism = dop }, Work)); s.SerialFraction</code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class ScalingResult : IReadOnlyList<ScalingPoint>, ITabularDisplayable
{
    private readonly List<ScalingPoint> _points;

    internal ScalingResult(IReadOnlyList<(int Degree, TimingResult Result)> timings, int processorCount, TimeSpan budget)
    {
        var serial = timings.Single(t => t.Degree == 1).Result;
        _points = timings.OrderBy(t => t.Degree).Select(t => new ScalingPoint(t.Degree, t.Result, serial)).ToList();
        ProcessorCount = processorCount;
        Budget = budget;
        Fit = AmdahlFit.Fit(_points.Select(p => ((double)Math.Min(p.Degree, processorCount), p.Speedup, p.SpeedupStdDev)).ToList());
    }

    /// <summary>The Amdahl fit with its standard error, or why there is none (too few degrees above 1).</summary>
    public AmdahlFit Fit { get; }

    /// <summary><see cref="Environment.ProcessorCount"/> when the measurement ran (marked on the chart).</summary>
    public int ProcessorCount { get; }

    /// <summary>The budget all degrees shared.</summary>
    public TimeSpan Budget { get; }

    /// <summary>
    /// The serial fraction (0…1) whose Amdahl curve fits the speedups best (least squares); degrees above the
    /// processor count are fitted as if they had only the processors. NaN when there were too few degrees above 1
    /// to fit; see <see cref="Fit"/> for its uncertainty.
    /// </summary>
    public double SerialFraction => Fit.SerialFraction;

    /// <summary>The largest speedup measured.</summary>
    public ScalingPoint Best => _points.MaxBy(p => p.Speedup)!;

    /// <summary>The point at degree of parallelism <paramref name="degree"/>.</summary>
    /// <exception cref="KeyNotFoundException">That degree was not measured; the message lists those that were.</exception>
    public ScalingPoint this[int degree] =>
        _points.Find(p => p.Degree == degree)
        ?? throw new KeyNotFoundException($"Degree {degree} was not measured; measured: {string.Join(", ", _points.Select(p => p.Degree))}.");

    /// <summary>How many degrees were measured.</summary>
    public int Count => _points.Count;

    /// <summary>Warnings of every degree, each prefixed with it.</summary>
    public IReadOnlyList<string> Warnings =>
        _points.SelectMany(p => p.Result.Warnings.Select(w => $"degree {p.Degree}: {w}")).ToList();

    /// <inheritdoc />
    public IEnumerator<ScalingPoint> GetEnumerator() => _points.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Speedup with error bars, the ideal line, the Amdahl fit and the processor count.</summary>
    public Chart ToChart()
    {
        var degrees = _points.Select(p => (double)p.Degree).ToArray();
        double top = degrees.Max();
        var chart = new XYChart
        {
            Title = "Speedup vs degree of parallelism",
            Subtitle = Fit.ToString(),
            XAxisTitle = "degree of parallelism",
            YAxisTitle = "speedup ×",
        };
        chart.Series.Add(new XYSeries("measured", degrees, _points.Select(p => p.Speedup).ToArray())
        {
            ErrorY = _points.All(p => p.Result.HasSpread) ? _points.Select(p => p.SpeedupStdDev).ToArray() : null,
        });
        chart.Series.Add(new XYSeries("ideal", new[] { 1.0, top }, new[] { 1.0, top }) { Mode = XYSeriesMode.Lines, Dashed = true, Color = "#7f7f7f" });
        if (Fit.HasFit)
            chart.Series.Add(new XYSeries($"Amdahl f={DurationText.Fixed(SerialFraction, 2)}±{DurationText.Fixed(Fit.Error, 2)}", degrees,
                degrees.Select(d => Amdahl.Speedup(SerialFraction, Math.Min(d, ProcessorCount))).ToArray())
            {
                Mode = XYSeriesMode.Lines,
                Dashed = true,
            });
        chart.VerticalRules.Add(new VerticalRule(ProcessorCount, $"{ProcessorCount} processors"));
        return chart;
    }

    /// <summary>A table of degree, time, speedup and efficiency, then the fit, warnings and budget notes.</summary>
    public string ToPlainText() => ResultText.Plain(this);

    TextTable ITabularDisplayable.Table()
    {
        var table = new TextTable("Degree", "Mean", "StdDev", "Speedup", "Efficiency", "Allocated", "Lock Contentions", "Loops × Repeats");
        foreach (var p in _points)
            table.Add(p.Degree.ToString(System.Globalization.CultureInfo.InvariantCulture), DurationText.Format(p.Mean),
                p.Result.SpreadText(), DurationText.Fixed(p.Speedup, 2) + "×", DurationText.Fixed(p.Efficiency, 2),
                CounterText.Bytes(p.Result.Allocated), CounterText.PerOperation(p.Result.LockContentions),
                $"{p.Result.Loops:N0} × {p.Result.Repeats}");
        return table.WithoutEmptyColumns(TimingResult.EmptyWhenUnused);
    }

    IEnumerable<string> ITabularDisplayable.Remarks()
    {
        string fit = $"{ProcessorCount} processors; {Fit}";
        if (Fit.IsUseful && SerialFraction > 0)
            fit += $" (speedup limit {DurationText.Fixed(1 / SerialFraction, 1)}×)";
        return ResultText.Remarks(_points.Select(p => ((string?)$"degree {p.Degree}", p.Result))).Prepend(fit);
    }

    /// <summary>The plain-text table.</summary>
    public override string ToString() => ToPlainText();
}
