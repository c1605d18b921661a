using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using NotebookRunner.Documents;
using NotebookRunner.Engine;
using NotebookRunner.Execution;

// Macro benchmarks of the notebook engine. These measure whole processes and chained Roslyn submissions,
// which BenchmarkDotNet's many-invocation model does not fit (each submission grows the session), so the
// program times them directly and prints medians, with every comparison taken in this one run.
//
//   dotnet run -c Release --project tests/Benchmarks/Engine.Benchmarks [-- --notebooks DIR] [--cells N] [--cold N] [--copies N]

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var arguments = new Arguments(args);
var report = new List<string> { "| measurement | median | notes |", "|---|---|---|" };

// 1. Cold start: a fresh worker process, runtime start, Roslyn load and first compile, to the first cell's result.
var scratch = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;
var oneCell = Path.Combine(scratch, "one-cell.ipynb");
var single = Notebook.CreateNew();
single.Cells.Add(NotebookCell.Code("1 + 1"));
NotebookWriter.WriteAtomic(single, oneCell);
var cold = new List<double>();
for (var i = 0; i < arguments.ColdRuns; i++)
{
    var result = await new NotebookExecution(oneCell, "one-cell.ipynb", new RunOptions()).RunAsync();
    if (!result.Passed) throw new InvalidOperationException(result.Failure);
    cold.Add(result.Duration.TotalMilliseconds);
}
report.Add($"| cold start to first result (new process) | {Median(cold):F0} ms | {arguments.ColdRuns} runs, min {cold.Min():F0} ms |");

// 2. Warm per-cell overhead of a trivial cell: the engine vs raw Roslyn chaining in the same process,
//    interleaved submission by submission so machine noise hits both alike.
foreach (var optimize in new[] { true, false })
{
    var (engine, roslyn) = await InterleavedCellTimes(optimize, arguments.Cells);
    var mode = optimize ? "Release" : "Debug";
    report.Add($"| warm trivial cell, engine, {mode} | {Median(engine):F1} ms | min {engine.Min():F1} ms, p90 {Percentile(engine, 0.9):F1} ms over {arguments.Cells} cells |");
    report.Add($"| warm trivial cell, raw Roslyn ContinueWithAsync, {mode} | {Median(roslyn):F1} ms | min {roslyn.Min():F1} ms; engine/raw = {Median(engine) / Median(roslyn):F2} |");
}

// 3. All notebooks with -j N vs -j 1. With only a few notebooks in the series, each is copied --copies times into
//    bench-notebooks/ beside notebooks/ (git-ignored), the same depth, so their relative #r paths still resolve.
var jobs = NotebookDiscovery.Find([CopyNotebooks(arguments.NotebooksFolder, arguments.Copies)]);
var parallel = await TimeSuite(jobs, Environment.ProcessorCount);
var serial = await TimeSuite(jobs, 1);
report.Add($"| all {jobs.Count} notebooks, -j {Environment.ProcessorCount} | {parallel / 1000:F1} s | -j 1 / -j {Environment.ProcessorCount} = {serial / parallel:F2} |");
report.Add($"| all {jobs.Count} notebooks, -j 1 | {serial / 1000:F1} s | |");

Console.WriteLine($"Engine benchmarks, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
foreach (var line in report) Console.WriteLine(line);
return 0;

static async Task<(List<double> Engine, List<double> Roslyn)> InterleavedCellTimes(bool optimize, int cells)
{
    var session = new CSharpSession(new SessionOptions { Optimize = optimize });
    var sink = new NullSink();
    var options = ScriptOptions.Default.WithOptimizationLevel(optimize ? Microsoft.CodeAnalysis.OptimizationLevel.Release : Microsoft.CodeAnalysis.OptimizationLevel.Debug);
    await session.ExecuteAsync("var x = 0;", sink);
    var state = await CSharpScript.RunAsync("var x = 0;", options);
    for (var i = 0; i < 10; i++) // JIT both paths first
    {
        await session.ExecuteAsync("x++;", sink);
        state = await state.ContinueWithAsync("x++;", options);
    }

    var engine = new List<double>(cells);
    var roslyn = new List<double>(cells);
    for (var i = 0; i < cells; i++)
    {
        var clock = Stopwatch.StartNew();
        await session.ExecuteAsync("x++;", sink);
        engine.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        state = await state.ContinueWithAsync("x++;", options);
        roslyn.Add(clock.Elapsed.TotalMilliseconds);
    }
    return (engine, roslyn);
}

static string CopyNotebooks(string notebooks, int copies)
{
    var target = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(notebooks))!, "bench-notebooks");
    if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
    Directory.CreateDirectory(target);
    foreach (var notebook in Directory.GetFiles(notebooks, "*.ipynb"))
        for (var copy = 1; copy <= copies; copy++)
            File.Copy(notebook, Path.Combine(target, $"{Path.GetFileNameWithoutExtension(notebook)}-copy{copy}.ipynb"));
    return target;
}

static async Task<double> TimeSuite(IReadOnlyList<NotebookJob> jobs, int parallelism)
{
    var clock = Stopwatch.StartNew();
    var results = await SuiteRunner.RunAsync(jobs, new RunOptions { Parallelism = parallelism });
    if (results.FirstOrDefault(r => !r.Passed) is { } failed) throw new InvalidOperationException($"{failed.Name}: {failed.Failure}");
    return clock.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Round(p * (sorted.Count - 1)), 0, sorted.Count - 1)];
}

internal sealed class NullSink : ICellEventSink
{
    public void Publish(CellEvent cellEvent) { }
}

internal sealed class Arguments
{
    public Arguments(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--notebooks": NotebooksFolder = args[i + 1]; break;
                case "--cells": Cells = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--cold": ColdRuns = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--copies": Copies = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]} (expected --notebooks DIR, --cells N, --cold N, --copies N)");
            }
        }
    }

    public string NotebooksFolder { get; } = FindNotebooks();
    public int Cells { get; } = 200;
    public int ColdRuns { get; } = 5;
    public int Copies { get; } = 4;

    private static string FindNotebooks()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Notebooks.sln"))) return Path.Combine(folder.FullName, "notebooks");
        return "notebooks";
    }
}
