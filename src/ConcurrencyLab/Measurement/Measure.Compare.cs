namespace ConcurrencyLab.Measurement;

public static partial class Measure
{
    /// <summary>
    /// Times each alternative with %timeit's rules, one after the other, sharing the budget equally; the first is
    /// the baseline of the ratios.
    /// </summary>
    /// <example><code>var c = Measure.Compare(("lock", () => { lock (g) n++; }), ("Interlocked", () => Interlocked.Increment(ref n)));</code></example>
    public static Comparison Compare(params (string Name, Action Code)[] alternatives) =>
        Compare(MeasureOptions.Default, alternatives);

    /// <summary>Compares alternatives under explicit options (budget, repeats); the first is the baseline.</summary>
    /// <example><code>Measure.Compare(new MeasureOptions { Budget = TimeSpan.FromSeconds(4) }, ("a", A), ("b", B))</code></example>
    public static Comparison Compare(MeasureOptions options, params (string Name, Action Code)[] alternatives) =>
        CompareEach(options, alternatives, static (name, code, shared) => Time(name, code, shared));

    /// <summary>
    /// Compares alternatives that return a value (kept, so the work is not optimised away), e.g. allocations;
    /// the first is the baseline.
    /// </summary>
    /// <example><code>Measure.Compare(("List", () => new List&lt;int&gt;(16)), ("array", () => new int[16]))</code></example>
    public static Comparison Compare<T>(params (string Name, Func<T> Code)[] alternatives) =>
        Compare(MeasureOptions.Default, alternatives);

    /// <summary>Compares alternatives that return a value, under explicit options; the first is the baseline.</summary>
    /// <example><code>Measure.Compare(new MeasureOptions { Budget = TimeSpan.FromSeconds(4) }, ("a", () => A()), ("b", () => B()))</code></example>
    public static Comparison Compare<T>(MeasureOptions options, params (string Name, Func<T> Code)[] alternatives) =>
        CompareEach(options, alternatives, static (name, code, shared) => Time(name, code, shared));

    private static Comparison CompareEach<TCode>(MeasureOptions options, (string Name, TCode Code)[]? alternatives,
        Func<string, TCode, MeasureOptions, TimingResult> time) where TCode : Delegate
    {
        var shared = ShareBudget(options, alternatives?.Select(a => (a.Name, (Delegate)a.Code)).ToArray());
        var results = alternatives!.Select(a => time(a.Name, a.Code, shared)).ToList();
        return new Comparison(results, 0, options, shared);
    }

    /// <summary>Compares async alternatives; each operation is one awaited call. The first is the baseline.</summary>
    /// <example><code>var c = await Measure.CompareAsync(("Delay(0)", () => Task.Delay(0)), ("Yield", async () => await Task.Yield()));</code></example>
    public static Task<Comparison> CompareAsync(params (string Name, Func<Task> Code)[] alternatives) =>
        CompareAsync(MeasureOptions.Default, alternatives);

    /// <summary>Compares async alternatives under explicit options; the first is the baseline.</summary>
    /// <example><code>await Measure.CompareAsync(new MeasureOptions { Repeats = 5 }, ("a", A), ("b", B))</code></example>
    public static async Task<Comparison> CompareAsync(MeasureOptions options, params (string Name, Func<Task> Code)[] alternatives)
    {
        var shared = ShareBudget(options, alternatives?.Select(a => (a.Name, (Delegate)a.Code)).ToArray());
        var results = new List<TimingResult>();
        foreach (var (name, code) in alternatives!)
            results.Add(await TimeAsync(name, code, shared).ConfigureAwait(false));
        return new Comparison(results, 0, options, shared);
    }

    private static MeasureOptions ShareBudget(MeasureOptions options, (string Name, Delegate Code)[]? alternatives)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (alternatives is null || alternatives.Length == 0)
            throw new ArgumentException("Give at least one alternative, e.g. (\"lock\", () => ...).", nameof(alternatives));
        var seen = new HashSet<string>();
        foreach (var (name, code) in alternatives)
        {
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException("Every alternative needs a non-empty name.", nameof(alternatives));
            if (code is null)
                throw new ArgumentException($"Alternative '{name}' has no code.", nameof(alternatives));
            if (!seen.Add(name))
                throw new ArgumentException($"Two alternatives are named '{name}'; names must be unique.", nameof(alternatives));
        }
        return options.Validated().Share(alternatives.Length);
    }
}
