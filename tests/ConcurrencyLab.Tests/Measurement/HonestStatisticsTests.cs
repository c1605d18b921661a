using ConcurrencyLab.Measurement;
using ConcurrencyLab.Rendering;

namespace ConcurrencyLab.Tests.Measurement;

/// <summary>Results say only what their data support: spread with repeats, differences beyond noise, fits with errors.</summary>
public sealed class HonestStatisticsTests
{
    [Fact]
    public void One_run_shows_no_spread_instead_of_plus_or_minus_zero()
    {
        var clock = new FakeClock();
        var r = Measure.Time(() => clock.Advance(20_000), clock.Options() with { Repeats = 1 });

        Assert.False(r.HasSpread);
        Assert.Equal("20.0 µs per loop (one run of 10,000 loops: no repeats, so no spread)", r.Summary);
        Assert.DoesNotContain("± 0", r.ToString(), StringComparison.Ordinal);
        Assert.Equal("–", ((ITabularDisplayable)r).Table().Rows[0][2]); // the StdDev cell
    }

    [Fact]
    public void Budget_cuts_across_many_alternatives_are_one_short_line()
    {
        var clock = new FakeClock();
        var options = clock.Options(TimeSpan.FromSeconds(0.4));
        var alternatives = Enumerable.Range(1, 8).Select(i => ($"alternative {i}", (Action)(() => clock.Advance(400_000 * i)))).ToArray();

        var remarks = ((ITabularDisplayable)Measure.Compare(options, alternatives)).Remarks().ToList();

        var notes = remarks.Where(r => r.StartsWith("note: the ", StringComparison.Ordinal)).ToList();
        var note = Assert.Single(notes);
        Assert.StartsWith("note: the 0.4 s budget ", note, StringComparison.Ordinal);
        Assert.Contains("(all)", note, StringComparison.Ordinal);
        Assert.True(note.Length < 200, note);
        Assert.DoesNotContain(remarks, r => r.StartsWith("note: Budget", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ratio_within_noise_is_no_measurable_difference()
    {
        var clock = new FakeClock();
        long a = 0, b = 0;
        // Both alternate between 100 and 104 µs per call from repeat to repeat: the same code, told apart by nothing.
        var c = Measure.Compare(clock.Options() with { Loops = 10, WarmUp = TimeSpan.Zero },
            ("a", () => clock.Advance(a++ / 10 % 2 == 0 ? 100_000 : 104_000)),
            ("b", () => clock.Advance(b++ / 10 % 2 == 0 ? 104_000 : 100_000)),
            ("quarter", () => clock.Advance(25_000)));

        Assert.False(c["b"].IsMeasurableDifference);
        Assert.Equal("no measurable difference", c["b"].Verdict);
        Assert.True(c["quarter"].IsMeasurableDifference);
        Assert.StartsWith("4.", c["quarter"].Verdict, StringComparison.Ordinal);
        Assert.EndsWith("× faster", c["quarter"].Verdict, StringComparison.Ordinal);
        Assert.Equal("baseline", c["a"].Verdict);
        Assert.Contains("b: no measurable difference from a", string.Join("\n", ((ITabularDisplayable)c).Remarks()), StringComparison.Ordinal);
        var categories = ((ConcurrencyLab.Charts.BarChart)c.ToChart()).Categories;
        Assert.Contains(categories, x => x.StartsWith("b ×", StringComparison.Ordinal) && x.EndsWith("(no measurable difference)", StringComparison.Ordinal));
        Assert.DoesNotContain(categories, x => x.Contains('≈', StringComparison.Ordinal));
        Assert.DoesNotContain(categories, x => x.StartsWith("quarter", StringComparison.Ordinal) && x.Contains("difference", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_repeats_a_ratio_cannot_be_judged()
    {
        var clock = new FakeClock();
        var c = Measure.Compare(clock.Options() with { Repeats = 1 }, ("a", () => clock.Advance(1000)), ("b", () => clock.Advance(2000)));

        Assert.False(c["b"].IsMeasurableDifference);
        Assert.Equal("cannot tell (no repeats to compare)", c["b"].Verdict);
        // The chart says the same, not that the two are the same.
        Assert.Contains("b ×2.00 (cannot tell (no repeats to compare))", ((ConcurrencyLab.Charts.BarChart)c.ToChart()).Categories);
    }

    [Fact]
    public void Amdahl_is_fitted_only_from_two_degrees_above_one_and_with_its_error()
    {
        var clock = new FakeClock();
        var one = Measure.Scaling(dop => clock.Advance(1e6 / dop), new[] { 1, 2 }, clock.Options());
        Assert.False(one.Fit.HasFit);
        Assert.True(double.IsNaN(one.SerialFraction));
        Assert.DoesNotContain(one.ToChart() is ConcurrencyLab.Charts.XYChart xy ? xy.Series : new(), s => s.Name.StartsWith("Amdahl", StringComparison.Ordinal));
        Assert.Contains("no Amdahl fit", one.ToPlainText(), StringComparison.Ordinal);

        // Exact Amdahl data with f = 0.2 at degrees 2, 3, 4 (on enough processors): a fit with a tiny error.
        var exact = Amdahl.Speedup(0.2, 2);
        var fit = AmdahlFit.Fit(new[] { (1.0, 1.0, 0.0), (2.0, exact, 0.0), (3.0, Amdahl.Speedup(0.2, 3), 0.0), (4.0, Amdahl.Speedup(0.2, 4), 0.0) });
        Assert.Equal(0.2, fit.SerialFraction, 4);
        Assert.True(fit.Error < 0.001);
        Assert.True(fit.IsUseful);
        Assert.StartsWith("Amdahl fit: serial fraction 0.20 ± 0.00 (3 degrees above 1)", fit.ToString(), StringComparison.Ordinal);

        // Two noisy points that disagree: the error says the fit is not to be read as the workload's serial fraction.
        var noisy = AmdahlFit.Fit(new[] { (1.0, 1.0, 0.0), (2.0, 1.9, 0.1), (2.0, 1.1, 0.1) });
        Assert.True(noisy.HasFit);
        Assert.False(noisy.IsUseful);
        Assert.Contains("too uncertain", noisy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_columns_with_nothing_in_them_are_left_out()
    {
        var table = new ConcurrencyLab.Charts.TextTable("Method", "Mean", "Gen0", "Lock Contentions");
        table.Add("a", "1 ns", "-", "-");
        table.Add("b", "2 ns", "0.1", "-");

        var shown = table.WithoutEmptyColumns(new[] { "Gen0", "Lock Contentions" });

        Assert.Equal(new[] { "Method", "Mean", "Gen0" }, shown.Headers);
        Assert.Equal(new[] { "b", "2 ns", "0.1" }, shown.Rows[1]);
    }
}
