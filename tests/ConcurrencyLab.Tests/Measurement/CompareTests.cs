using ConcurrencyLab.Measurement;

namespace ConcurrencyLab.Tests.Measurement;

public sealed class CompareTests
{
    [Fact]
    public void Ratios_are_relative_to_the_first_alternative_and_entries_are_found_by_name()
    {
        var clock = new FakeClock();
        var c = Measure.Compare(clock.Options(),
            ("lock", () => clock.Advance(20_000)),
            ("Interlocked", () => clock.Advance(5_000)),
            ("unsynchronised", () => clock.Advance(2_000)));

        Assert.Equal("lock", c.Baseline);
        Assert.Equal(3, c.Count);
        Assert.True(c["lock"].IsBaseline);
        Assert.Equal(1, c["lock"].Ratio, 9);
        Assert.Equal(0.25, c["Interlocked"].Ratio, 9);
        Assert.Equal(0.1, c["unsynchronised"].Ratio, 9);
        Assert.Equal(5_000, c["Interlocked"].Mean, 6);
        Assert.Equal("unsynchronised", c.Fastest.Name);
        Assert.Equal(new[] { "lock", "Interlocked", "unsynchronised" }, c.Select(e => e.Name));
    }

    [Fact]
    public void Alternatives_share_the_budget()
    {
        var clock = new FakeClock();
        long start = clock.GetTimestamp();
        var c = Measure.Compare(clock.Options(),
            ("a", () => clock.Advance(20_000)),
            ("b", () => clock.Advance(3_000)),
            ("c", () => clock.Advance(700)),
            ("d", () => clock.Advance(90)));

        Assert.True(clock.GetTimestamp() - start <= 2e9, $"took {(clock.GetTimestamp() - start) / 1e9} s of fake time");
        Assert.All(c, e => Assert.True(e.Result.WallTime <= TimeSpan.FromSeconds(0.5)));
        Assert.Equal(TimeSpan.FromSeconds(0.5) / 10, c.RepeatTime);
        Assert.All(c, e => Assert.Equal(7, e.Result.Repeats));
    }

    [Fact]
    public async Task Async_alternatives_compare_the_same_way()
    {
        var clock = new FakeClock();
        var c = await Measure.CompareAsync(clock.Options(),
            ("slow", async () => { await Task.Yield(); clock.Advance(40_000); }),
            ("fast", () => { clock.Advance(10_000); return Task.CompletedTask; }));

        Assert.Equal(0.25, c["fast"].Ratio, 9);
        Assert.True(c["fast"].Result.IsAsync);
    }

    [Fact]
    public void Alternatives_returning_values_compare_with_their_results_kept()
    {
        var clock = new FakeClock();
        int n = 0;
        var c = Measure.Compare(clock.Options(),
            ("increment", () => { clock.Advance(20_000); return ++n; }),
            ("add", () => { clock.Advance(10_000); return n += 2; }));

        Assert.Equal(0.5, c["add"].Ratio, 9);
    }

    [Fact]
    public void A_warning_every_alternative_shares_is_said_once()
    {
        var clock = new FakeClock();
        var c = Measure.Compare(clock.Options(), ("a", () => clock.Advance(50_000)), ("b", () => clock.Advance(25_000)));
        var debugLines = c.ToPlainText().Split('\n').Where(l => l.Contains("compiled without optimisations", StringComparison.Ordinal)).ToList();

        if (c["a"].Result.IsOptimized == false)
            Assert.Equal("warning: all: The measured code was compiled without optimisations (Debug); Release code may be much faster.", Assert.Single(debugLines));
        else
            Assert.Empty(debugLines);
    }

    [Fact]
    public void Unknown_names_list_the_known_ones()
    {
        var clock = new FakeClock();
        var c = Measure.Compare(clock.Options(), ("x", () => clock.Advance(50_000)), ("y", () => clock.Advance(50_000)));

        var e = Assert.Throws<KeyNotFoundException>(() => c["z"]);
        Assert.Contains("x, y", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_empty_names_are_refused()
    {
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => Measure.Compare(("x", () => { }), ("x", () => { }))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Measure.Compare((" ", () => { })));
        Assert.Throws<ArgumentException>(() => Measure.Compare());
    }

    [Fact]
    public void The_table_has_BenchmarkDotNet_column_names()
    {
        var clock = new FakeClock();
        var text = Measure.Compare(clock.Options(), ("a", () => clock.Advance(50_000)), ("b", () => clock.Advance(25_000))).ToPlainText();

        foreach (var column in new[] { "Method", "Mean", "StdDev", "Ratio", "RatioSD", "vs baseline", "Allocated" })
            Assert.Contains(column, text, StringComparison.Ordinal);
        // Counter columns nothing happened in are left out, as BenchmarkDotNet does (a GC from a test running beside this
        // one may put something in Gen0, so the check is "no column of nothing", not "no Gen0").
        var table = ((ConcurrencyLab.Rendering.ITabularDisplayable)Measure.Compare(clock.Options(), ("a", () => clock.Advance(50_000)), ("b", () => clock.Advance(25_000)))).Table();
        foreach (var column in new[] { "Gen0", "Gen1", "Gen2", "Completed Work Items", "Lock Contentions" })
        {
            var index = table.Headers.ToList().IndexOf(column);
            if (index >= 0) Assert.Contains(table.Rows, row => row[index] != "-");
        }
        Assert.Contains("| b ", text, StringComparison.Ordinal);
        Assert.Contains("0.50", text, StringComparison.Ordinal);
    }
}
