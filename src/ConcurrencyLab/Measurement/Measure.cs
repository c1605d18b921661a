using System.Runtime.CompilerServices;

namespace ConcurrencyLab.Measurement;

/// <summary>
/// Measurement cells: time code the way IPython's <c>%timeit</c> does, with BenchmarkDotNet's memory and
/// threading columns, compare alternatives, chart scaling with the degree of parallelism, and sample the
/// thread pool over time. Every call stays within a time budget (2 s unless told otherwise).
/// </summary>
/// <example><code>var r = Measure.Time(() => Interlocked.Increment(ref n));</code></example>
public static partial class Measure
{
    /// <summary>The name a single measurement gets when none is given.</summary>
    internal const string DefaultName = "code";

    /// <summary>
    /// Times <paramref name="code"/> with %timeit's rules plus a JIT warm-up: the first call and 0.25 s of discarded
    /// calls, then the loop count raised in powers of ten until a repeat takes ≥ 0.2 s, then 7 repeats each after a
    /// full GC; all within the budget (2 s), which cuts the loop count or the repeats and says so.
    /// </summary>
    /// <example><code>var r = Measure.Time(() => dict.TryGetValue(42, out _)); r.Mean</code></example>
    public static TimingResult Time(Action code, MeasureOptions? options = null) =>
        Time(DefaultName, code, options);

    /// <summary>Times <paramref name="code"/> under a name (shown in tables and charts).</summary>
    /// <example><code>var r = Measure.Time("lock", () => { lock (gate) n++; });</code></example>
    public static TimingResult Time(string name, Action code, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false))
            throw new ArgumentException("This is an async void lambda, which returns before its work is done; time it with Measure.TimeAsync.", nameof(code));
        return RunSync(name, SyncLoop(code, options), SyncLoop(static () => { }, options), code.Method, options);
    }

    private static TimingResult RunSync(string name, TimingEngine.LoopRunner loop, TimingEngine.LoopRunner emptyLoop,
        System.Reflection.MethodInfo method, MeasureOptions? options)
    {
        var task = TimingEngine.RunAsync(CheckName(name), loop, emptyLoop, method, isAsync: false, options ?? MeasureOptions.Default);
        // The sync loop never awaits anything incomplete, so this completes without blocking.
        return task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Where timed code's results go: a static field write the JIT must keep, with no boxing.</summary>
    private static class Sink<T>
    {
        public static T? Value;
    }

    /// <summary>
    /// Times code that returns a value (kept, so the work cannot be optimised away), e.g. an allocation.
    /// For async code use <see cref="TimeAsync(Func{Task}, MeasureOptions?)"/>.
    /// </summary>
    /// <example><code>var r = Measure.Time(() => new byte[100]); r.Allocated  // 128 bytes on 64-bit</code></example>
    public static TimingResult Time<T>(Func<T> code, MeasureOptions? options = null) => Time(DefaultName, code, options);

    /// <summary>Times code that returns a value, under a name.</summary>
    /// <example><code>var r = Measure.Time("new List", () => new List&lt;int&gt;());</code></example>
    public static TimingResult Time<T>(string name, Func<T> code, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (typeof(Task).IsAssignableFrom(typeof(T)) || typeof(T) == typeof(ValueTask) || (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(ValueTask<>)))
            throw new ArgumentException("This code returns a task; time it with Measure.TimeAsync so each call is awaited.", nameof(code));
        return RunSync(name, ValueLoop(code, options), ValueLoop(static () => default(T)!, options), code.Method, options);
    }

    /// <summary>Times async code: each operation is one awaited call of <paramref name="code"/>.</summary>
    /// <example><code>var r = await Measure.TimeAsync(async () => await Task.Yield());</code></example>
    public static Task<TimingResult> TimeAsync(Func<Task> code, MeasureOptions? options = null) =>
        TimeAsync(DefaultName, code, options);

    /// <summary>Times async code under a name.</summary>
    /// <example><code>var r = await Measure.TimeAsync("yield", async () => await Task.Yield());</code></example>
    public static Task<TimingResult> TimeAsync(string name, Func<Task> code, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TimingEngine.RunAsync(CheckName(name), AsyncLoop(code, options), AsyncLoop(static () => Task.CompletedTask, options),
            code.Method, isAsync: true, options ?? MeasureOptions.Default).AsTask();
    }

    internal static TimingEngine.LoopRunner SyncLoop(Action code, MeasureOptions? options)
    {
        var clock = (options ?? MeasureOptions.Default).Clock;
        // Optimised from the first call: a quick-JIT timing loop would add its own cost until on-stack replacement.
        return [MethodImpl(MethodImplOptions.AggressiveOptimization)] (long loops) =>
        {
            long start = clock.GetTimestamp();
            for (long i = 0; i < loops; i++) code();
            return new ValueTask<long>(clock.GetTimestamp() - start);
        };
    }

    internal static TimingEngine.LoopRunner ValueLoop<T>(Func<T> code, MeasureOptions? options)
    {
        var clock = (options ?? MeasureOptions.Default).Clock;
        return [MethodImpl(MethodImplOptions.AggressiveOptimization)] (long loops) =>
        {
            long start = clock.GetTimestamp();
            for (long i = 0; i < loops; i++) Sink<T>.Value = code();
            return new ValueTask<long>(clock.GetTimestamp() - start);
        };
    }

    internal static TimingEngine.LoopRunner AsyncLoop(Func<Task> code, MeasureOptions? options)
    {
        var clock = (options ?? MeasureOptions.Default).Clock;
        return async loops =>
        {
            long start = clock.GetTimestamp();
            for (long i = 0; i < loops; i++)
                await (code() ?? throw new InvalidOperationException("The measured async code returned a null Task.")).ConfigureAwait(false);
            return clock.GetTimestamp() - start;
        };
    }

    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A measurement needs a non-empty name.", nameof(name)) : name;
}
