using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ConcurrencyLab.Measurement;
using Measurement.Accuracy;

// Accuracy of the measurement cells against BenchmarkDotNet, both run in this one process, one workload at a
// time: Measure.Time (default options: 2 s budget), BenchmarkDotNet on the same method, Measure.Time again.
// Beside each Measure.Time reading, the same workload is measured in an in-process .NET Interactive C# kernel twice:
// a cell calling Measure.Time(() => { Workload(); }), and a #!measure cell whose code is Workload(); — the two
// notebook ways, which compile the lambda the same way (the kernel's Debug), so they must agree.
// An optional argument runs only the workloads whose name contains it.
// Run with: dotnet run -c Release --project tests/Benchmarks/Measurement.Accuracy

// BenchmarkDotNet's job: in-process (no per-benchmark project build, so its wall time is its own engine's),
// one launch, default 500 ms iterations, warm-up auto-stopped at ≤ 10 iterations, workload iterations auto-stopped
// between the default minimum of 15 and a maximum of 30 (the default maximum is 100). Overhead is evaluated and
// subtracted as usual.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithMaxWarmupCount(10)
    .WithMaxIterationCount(30);

var workloads = new (string Name, Action Code)[]
{
    (nameof(Workloads.Mix32), Workloads.Mix32),
    (nameof(Workloads.SortCopy256), Workloads.SortCopy256),
    (nameof(Workloads.BuildDictionary1000), Workloads.BuildDictionary1000),
    (nameof(Workloads.ContendedLock2x20000), Workloads.ContendedLock2x20000),
    (nameof(Workloads.Mix16M), Workloads.Mix16M),
};
string? only = args.Length > 0 ? args[0] : null;

var rows = new List<string>();
var magicRows = new List<string>();
using var kernel = new KernelSession();
// The kernel's first cells pay for Roslyn's own start (seconds): not part of any workload's reading.
kernel.Run("#!measure --budget 0.2s\nMath.Sqrt(2)");
kernel.Run("ConcurrencyLab.Measurement.Measure.Time(() => { Math.Sqrt(2); }, new ConcurrencyLab.Measurement.MeasureOptions { Budget = TimeSpan.FromSeconds(0.2) })");
foreach (var (name, code) in workloads)
{
    if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
    string loadBefore = LoadAverage();

    // Ours runs just before and just after BenchmarkDotNet: on a shared machine the load drifts, and the mean
    // of the two readings brackets the period BenchmarkDotNet measured.
    var (before, beforeWall) = TimeOurs(name, code);
    var (magicBefore, magicBeforeWall) = TimeMagic(kernel, name);
    var (cellBefore, _) = TimeInCell(kernel, name);

    Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {name}: BenchmarkDotNet …");
    var config = ManualConfig.CreateEmpty()
        .AddJob(job)
        .AddLogger(NullLogger.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name == name))
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "measurement-accuracy-bdn"));
    var bdn = Stopwatch.StartNew();
    var summary = BenchmarkRunner.Run<BdnWorkloads>(config);
    bdn.Stop();
    var report = summary.Reports.Single();
    var stats = report.ResultStatistics ?? throw new InvalidOperationException($"BenchmarkDotNet produced no result for {name}.");
    var ci = stats.ConfidenceInterval; // 99.9 % by default
    long? bdnAllocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    Console.Error.WriteLine($"BDN: {Ns(stats.Mean)} [{Ns(ci.Lower)}; {Ns(ci.Upper)}], {stats.N} iterations, allocated {bdnAllocated} B/op, {bdn.Elapsed.TotalSeconds:F1} s");

    var (after, afterWall) = TimeOurs(name, code);
    var (magicAfter, magicAfterWall) = TimeMagic(kernel, name);
    var (cellAfter, _) = TimeInCell(kernel, name);
    string loadAfter = LoadAverage();

    // Agreement of the two notebook ways: three more readings of each, alternating, then medians of all five.
    var magicReadings = new List<double> { magicBefore.Mean, magicAfter.Mean };
    var cellReadings = new List<double> { cellBefore.Mean, cellAfter.Mean };
    for (var pair = 0; pair < 3; pair++)
    {
        magicReadings.Add(TimeMagic(kernel, name).Result.Mean);
        cellReadings.Add(TimeInCell(kernel, name).Result.Mean);
    }
    double magic = (magicBefore.Mean + magicAfter.Mean) / 2;
    double agreement = Median(magicReadings) / Median(cellReadings);
    double magicRatio = magic / stats.Mean;
    bool magicWithinFive = Math.Abs(magicRatio - 1) <= 0.05;
    bool magicInsideCi = magic >= ci.Lower && magic <= ci.Upper;
    double magicWall = (magicBeforeWall + magicAfterWall) / 2;
    double magicWallRatio = magicWall / bdn.Elapsed.TotalSeconds;
    magicRows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Ns(magicBefore.Mean)} / {Ns(magicAfter.Mean)} ({magicBefore.Loops:N0} × {magicBefore.Repeats}) | {Ns(cellBefore.Mean)} / {Ns(cellAfter.Mean)} | {Ns(Median(magicReadings))} / {Ns(Median(cellReadings))} = {agreement:F3} | {Ns(stats.Mean)} | {magicRatio:F3} | {(magicWithinFive ? "yes (±5%)" : magicInsideCi ? "yes (in CI)" : "no")} | {magicBefore.Allocated:F0} B / {bdnAllocated} B | {magicWall:F2} s | {magicWallRatio:F3} {(magicWallRatio <= 0.1 ? "✓" : "✗")} |"));

    double ours = (before.Mean + after.Mean) / 2;
    double ratio = ours / stats.Mean;
    bool withinFive = Math.Abs(ratio - 1) <= 0.05;
    bool insideCi = ours >= ci.Lower && ours <= ci.Upper;
    double oursWall = (beforeWall + afterWall) / 2;
    double wallRatio = oursWall / bdn.Elapsed.TotalSeconds;
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Ns(before.Mean)} ({before.Loops:N0} × {before.Repeats}) | {Ns(after.Mean)} ({after.Loops:N0} × {after.Repeats}) | {Ns(stats.Mean)} ± {Ns(stats.StandardDeviation)} ({stats.N} it.) | [{Ns(ci.Lower)}; {Ns(ci.Upper)}] | {ratio:F3} | {(withinFive ? "yes (±5%)" : insideCi ? "yes (in CI)" : "no")} | {before.Allocated:F0} B / {bdnAllocated} B | {oursWall:F2} s | {bdn.Elapsed.TotalSeconds:F1} s | {wallRatio:F3} {(wallRatio <= 0.1 ? "✓" : "✗")} | {loadBefore} → {loadAfter} |"));
}

Console.WriteLine($"Measurement accuracy vs BenchmarkDotNet 0.14 ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine();
Console.WriteLine("| Workload | Measure.Time before BDN (loops × repeats) | Measure.Time after BDN | BenchmarkDotNet mean ± sd (iterations) | BDN 99.9% CI | Ratio (mean of ours / BDN) | Within goal? | Allocated/op (ours / BDN) | Measure wall (each) | BDN wall | Wall ratio (goal ≤ 0.1) | 1-min load avg |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|");
foreach (var row in rows) Console.WriteLine(row);
Console.WriteLine();
Console.WriteLine("#!measure in an in-process C# kernel (26120.1), same run: readings before / after BenchmarkDotNet, then three alternating pairs");
Console.WriteLine();
Console.WriteLine("| Workload | #!measure before / after BDN (loops × repeats) | Measure.Time in a cell, before / after | #!measure ÷ Measure.Time in a cell (medians of 5 alternating readings) | BenchmarkDotNet mean | Ratio (mean of #!measure / BDN) | Within goal? | Allocated/op (#!measure / BDN) | #!measure cell wall (each) | Wall ratio to BDN (goal ≤ 0.1) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|:---:|---:|---:|---:|");
foreach (var row in magicRows) Console.WriteLine(row);
return 0;

static (TimingResult Result, double WallSeconds) TimeMagic(KernelSession kernel, string name)
{
    Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {name}: #!measure …");
    var (values, wall) = kernel.Run($"#!measure --name {name}\nMeasurement.Accuracy.Workloads.{name}();");
    var result = values.OfType<TimingResult>().Single();
    Console.Error.WriteLine(result);
    return (result, wall.TotalSeconds);
}

static (TimingResult Result, double WallSeconds) TimeInCell(KernelSession kernel, string name)
{
    Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {name}: Measure.Time in a cell …");
    var (values, wall) = kernel.Run($"ConcurrencyLab.Measurement.Measure.Time(\"{name}\", () => {{ Measurement.Accuracy.Workloads.{name}(); }})");
    return (values.OfType<TimingResult>().Single(), wall.TotalSeconds);
}

static (TimingResult Result, double WallSeconds) TimeOurs(string name, Action code)
{
    Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {name}: Measure.Time …");
    var wall = Stopwatch.StartNew();
    var result = Measure.Time(name, code);
    wall.Stop();
    Console.Error.WriteLine(result);
    return (result, wall.Elapsed.TotalSeconds);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static string Ns(double ns) => ns switch
{
    >= 1e6 => (ns / 1e6).ToString("F3", CultureInfo.InvariantCulture) + " ms",
    >= 1e3 => (ns / 1e3).ToString("F3", CultureInfo.InvariantCulture) + " µs",
    _ => ns.ToString("F2", CultureInfo.InvariantCulture) + " ns",
};
