using System.Globalization;
using ConcurrencyLab.Charts;
using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Interactive.Display;

/// <summary>
/// A <c>#!measure --compare</c> result: this cell's time per operation against an earlier measured cell's, as a ratio
/// with its standard deviation and the core library's verdict (<see cref="ComparisonEntry"/>: "no measurable
/// difference" when the ratio is within noise of 1).
/// </summary>
/// <example><code>#!measure --name parallel --compare sequential</code></example>
public sealed class CellComparison : IChartDisplayable
{
    /// <summary>Compares <paramref name="measured"/> with <paramref name="baseline"/>.</summary>
    public CellComparison(TimingResult measured, TimingResult baseline)
    {
        Entry = new ComparisonEntry(measured, baseline);
        Measured = measured;
        Baseline = baseline;
    }

    /// <summary>The ratio, its spread and the verdict, computed as <see cref="Comparison"/> computes them.</summary>
    public ComparisonEntry Entry { get; }

    /// <summary>The cell just measured.</summary>
    public TimingResult Measured { get; }

    /// <summary>The earlier cell it is compared with.</summary>
    public TimingResult Baseline { get; }

    /// <summary>Measured mean ÷ baseline mean: below 1 is faster than the baseline; NaN when the baseline timed as 0.</summary>
    public double Ratio => Entry.Ratio;

    /// <summary>Standard deviation of <see cref="Ratio"/>.</summary>
    public double RatioStdDev => Entry.RatioStdDev;

    /// <summary>"parallel ÷ sequential = 0.52 ± 0.03: 1.92× faster (mean time per operation)".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Measured.Name} ÷ {Baseline.Name} = {Ratio:G3} ± {RatioStdDev:G2}: {Entry.Verdict} (mean time per operation)");

    /// <summary>Two bars, mean time per operation with ± std dev error bars.</summary>
    public Chart ToChart()
    {
        var (scale, unit) = Unit(Math.Max(Measured.Mean, Baseline.Mean));
        var chart = new BarChart { Title = Summary, YAxisTitle = $"{unit} per operation (mean ± std dev)" };
        chart.Categories.AddRange(new[] { Baseline.Name, Measured.Name });
        chart.Series.Add(new BarSeries("mean", new[] { Baseline.Mean / scale, Measured.Mean / scale })
        {
            Errors = new[] { Baseline.StdDev / scale, Measured.StdDev / scale },
        });
        return chart;
    }

    /// <summary>The ratio line, then both measurements' summaries.</summary>
    public string ToPlainText() =>
        string.Join(Environment.NewLine, Summary, $"  {Baseline.Name}: {Baseline.Summary}", $"  {Measured.Name}: {Measured.Summary}");

    /// <inheritdoc cref="ToPlainText"/>
    public override string ToString() => ToPlainText();

    private static (double Scale, string Unit) Unit(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (1e9, "s"),
        >= 1e6 => (1e6, "ms"),
        >= 1e3 => (1e3, "µs"),
        _ => (1, "ns"),
    };
}
