using System.Collections;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// Several alternatives timed in one call: a table with BenchmarkDotNet's columns and a bar chart of the mean
/// time per operation with ± std dev error bars, each alternative's ratio to the baseline. Indexable by name.
/// </summary>
/// <example><code>var c = Measure.Compare(("lock", () => { lock (g) n++; }), ("Interlocked", () => Interlocked.Increment(ref n))); c["Interlocked"].Ratio</code></example>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = new[] { ChartMimeTypes.Plotly, ChartMimeTypes.Html, ChartMimeTypes.Svg, ChartMimeTypes.PlainText })]
public sealed class Comparison : IReadOnlyList<ComparisonEntry>, ITabularDisplayable
{
    private readonly List<ComparisonEntry> _entries;

    internal Comparison(IReadOnlyList<TimingResult> results, int baselineIndex, MeasureOptions options, MeasureOptions shared)
    {
        Baseline = results[baselineIndex].Name;
        _entries = results.Select(r => new ComparisonEntry(r, results[baselineIndex])).ToList();
        Budget = options.Budget;
        RepeatTime = shared.MinRepeatTime;
    }

    /// <summary>Name of the alternative every ratio is relative to (the first, unless one was named).</summary>
    public string Baseline { get; }

    /// <summary>The budget all alternatives shared.</summary>
    public TimeSpan Budget { get; }

    /// <summary>The repeat time each alternative calibrated to (%timeit's 0.2 s, lowered to fit the budget when needed).</summary>
    public TimeSpan RepeatTime { get; }

    /// <summary>The alternative called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No alternative has that name; the message lists the names.</exception>
    public ComparisonEntry this[string name] =>
        _entries.Find(e => e.Name == name)
        ?? throw new KeyNotFoundException($"No alternative named '{name}'; the names are: {string.Join(", ", _entries.Select(e => e.Name))}.");

    /// <summary>The alternative at <paramref name="index"/>, in the order given.</summary>
    public ComparisonEntry this[int index] => _entries[index];

    /// <summary>How many alternatives were compared.</summary>
    public int Count => _entries.Count;

    /// <summary>The fastest alternative by mean.</summary>
    public ComparisonEntry Fastest => _entries.MinBy(e => e.Mean)!;

    /// <summary>Warnings of every alternative, each prefixed with its name.</summary>
    public IReadOnlyList<string> Warnings =>
        _entries.SelectMany(e => e.Result.Warnings.Select(w => $"{e.Name}: {w}")).ToList();

    /// <inheritdoc />
    public IEnumerator<ComparisonEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The bar chart: mean time per operation with std dev error bars, one bar per alternative.</summary>
    public Chart ToChart()
    {
        var unit = TimeUnit.For(_entries.Max(e => e.Mean));
        var spread = _entries.All(e => e.Result.HasSpread);
        var chart = new BarChart
        {
            Title = $"Time per operation (ratio to {Baseline})",
            YAxisTitle = spread ? $"{unit.Symbol} per operation (mean ± std dev)" : $"{unit.Symbol} per operation (one run each: no spread)",
        };
        // A ratio the noise could explain is not read off as a speedup: the bar says so, in the table's own words.
        chart.Categories.AddRange(_entries.Select(e => e.Verdict is ComparisonEntry.NoMeasurableDifference or ComparisonEntry.CannotTell
            ? $"{e.Name} ×{DurationText.Fixed(e.Ratio, 2)} ({e.Verdict})"
            : $"{e.Name} ×{DurationText.Fixed(e.Ratio, 2)}"));
        chart.Series.Add(new BarSeries("mean", _entries.Select(e => unit.Convert(e.Mean)).ToArray())
        {
            Errors = spread ? _entries.Select(e => unit.Convert(e.StdDev)).ToArray() : null,
        });
        return chart;
    }

    /// <summary>The table with BenchmarkDotNet's column names, then any warnings and budget notes.</summary>
    public string ToPlainText() => ResultText.Plain(this);

    TextTable ITabularDisplayable.Table()
    {
        var table = new TextTable(new[] { "Method", "Mean", "StdDev", "Min", "Median", "Ratio", "RatioSD", "vs baseline", "Allocated",
            "Gen0", "Gen1", "Gen2", "Completed Work Items", "Lock Contentions", "Loops × Repeats" },
            new[] { false, true, true, true, true, true, true, false, true, true, true, true, true, true, true });
        foreach (var e in _entries)
        {
            var r = e.Result;
            table.Add(e.Name, DurationText.Format(r.Mean), r.SpreadText(), DurationText.Format(r.Min),
                DurationText.Format(r.Median), DurationText.Fixed(e.Ratio, 2), e.Result.HasSpread ? DurationText.Fixed(e.RatioStdDev, 2) : "–", e.Verdict,
                CounterText.Bytes(r.Allocated), CounterText.PerThousand(r.Gen0), CounterText.PerThousand(r.Gen1),
                CounterText.PerThousand(r.Gen2), CounterText.PerOperation(r.CompletedWorkItems),
                CounterText.PerOperation(r.LockContentions), $"{r.Loops:N0} × {r.Repeats}");
        }
        return table.WithoutEmptyColumns(TimingResult.EmptyWhenUnused);
    }

    IEnumerable<string> ITabularDisplayable.Remarks()
    {
        var same = _entries.Where(e => !e.IsBaseline && e.Verdict == ComparisonEntry.NoMeasurableDifference).Select(e => e.Name).ToList();
        var remarks = ResultText.Remarks(_entries.Select(e => ((string?)e.Name, e.Result)));
        return same.Count == 0 ? remarks : remarks.Prepend(
            $"note: {string.Join(", ", same)}: no measurable difference from {Baseline} (the ratio is within two standard errors of 1).");
    }

    /// <summary>The plain-text table.</summary>
    public override string ToString() => ToPlainText();
}
