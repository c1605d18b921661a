using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Documents;
using NotebookRunner.Execution;

// Macro benchmarks of nbrun on the real kernel. They time whole kernels and series, which BenchmarkDotNet's
// many-invocation model does not fit, so the program times them directly and prints medians; every ratio
// compares two measurements taken in this one run.
//
//   dotnet run -c Release --project tests/Benchmarks/Engine.Benchmarks [-- --notebooks DIR] [--cells N] [--cold N] [--skip-series] [--skip-nbclient]

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var arguments = new Arguments(args);
var report = new List<string> { "| measurement | value | notes |", "|---|---|---|" };
var scratch = Directory.CreateTempSubdirectory("nbrun-bench-").FullName;

// 1. Cold start of a single notebook: nbrun (its own kernel, no kernel started ahead) against the bare floor
//    (spawn, KernelReady, one SubmitCode), interleaved run by run.
if (!arguments.SkipSingle)
{
    var oneCell = WriteNotebook(scratch, "one-cell.ipynb", ["1 + 1"]);
    var nbrunCold = new List<double>();
    var bareReady = new List<double>();
    var bareCold = new List<double>();
    for (var i = 0; i < arguments.ColdRuns; i++)
    {
        var observer = new FirstResultObserver();
        var result = await new NotebookExecution(oneCell, "one-cell.ipynb", new RunOptions(), observer).RunAsync();
        if (!result.Passed) throw new InvalidOperationException(result.Failure);
        nbrunCold.Add(observer.FirstResultAfterTurn["one-cell.ipynb"].TotalSeconds);

        var clock = Stopwatch.StartNew();
        await using var bare = await BareStdioKernel.StartAsync(scratch);
        await bare.SubmitAsync("1 + 1");
        bareCold.Add(clock.Elapsed.TotalSeconds);
        bareReady.Add(bare.ReadyAfter.TotalSeconds);
    }
    report.Add($"| single notebook, start to first cell result, nbrun | {Stats.Median(nbrunCold):F2} s | {arguments.ColdRuns} runs, min {nbrunCold.Min():F2} s |");
    report.Add($"| same, bare stdio client (the tool's floor) | {Stats.Median(bareCold):F2} s | of which KernelReady {Stats.Median(bareReady):F2} s; nbrun / floor = **{Stats.Median(nbrunCold) / Stats.Median(bareCold):F2}** |");

    // 2. A warm trivial cell: nbrun's whole per-cell path (serialize, send, read and parse every event, build the
    //    outputs) against the bare loop, in alternating blocks of fresh kernels; the first cells of each block warm up.
    const int warmUpCells = 10;
    var nbrunWarm = new List<double>();
    var bareWarm = new List<double>();
    for (var block = 0; block < arguments.Blocks; block++)
    {
        var cells = Enumerable.Repeat("x++;", arguments.CellsPerBlock + warmUpCells).Prepend("var x = 0;").ToArray();
        var path = WriteNotebook(scratch, $"warm-{block}.ipynb", cells);
        var result = await new NotebookExecution(path, "warm.ipynb", new RunOptions()).RunAsync();
        if (!result.Passed) throw new InvalidOperationException(result.Failure);
        nbrunWarm.AddRange(result.Cells.Skip(1 + warmUpCells).Select(c => c.Duration.TotalMilliseconds));

        await using var bare = await BareStdioKernel.StartAsync(scratch);
        foreach (var (code, i) in cells.Select((c, i) => (c, i)))
        {
            var elapsed = await bare.SubmitAsync(code);
            if (i > warmUpCells) bareWarm.Add(elapsed.TotalMilliseconds);
        }
    }
    report.Add($"| warm trivial C# cell, nbrun | {Stats.Median(nbrunWarm):F1} ms | p10 {Stats.Percentile(nbrunWarm, 0.1):F1}, p90 {Stats.Percentile(nbrunWarm, 0.9):F1} ms over {nbrunWarm.Count} cells |");
    report.Add($"| same, bare stdio loop | {Stats.Median(bareWarm):F1} ms | p10 {Stats.Percentile(bareWarm, 0.1):F1}, p90 {Stats.Percentile(bareWarm, 0.9):F1} ms; nbrun / bare = **{Stats.Median(nbrunWarm) / Stats.Median(bareWarm):F2}** |");
}

if (!arguments.SkipSeries)
{
    // 3. The series: -j cores with kernels started ahead, the same without, and -j 1; then Jupyter's nbclient on
    //    the same kernel, serially, as JupyterLab's "Run All" or a papermill job would run it.
    var jobs = NotebookDiscovery.Find([arguments.NotebooksFolder]);
    var cores = Environment.ProcessorCount;
    // The two -j cores runs alternate, --series-repeats times, so that drift in the machine's load hits both alike.
    var aheadRuns = new List<SeriesTiming>();
    var inTurnRuns = new List<SeriesTiming>();
    for (var i = 0; i < arguments.SeriesRepeats; i++)
    {
        aheadRuns.Add(await TimeSeries(jobs, new RunOptions { Parallelism = cores }));
        inTurnRuns.Add(await TimeSeries(jobs, new RunOptions { Parallelism = cores, Prestart = false }));
    }
    var ahead = aheadRuns.OrderBy(r => r.Wall).ElementAt(aheadRuns.Count / 2);
    var inTurn = inTurnRuns.OrderBy(r => r.Wall).ElementAt(inTurnRuns.Count / 2);
    var serial = await TimeSeries(jobs, new RunOptions { Parallelism = 1 });
    var runs = arguments.SeriesRepeats > 1 ? $"median of {arguments.SeriesRepeats} runs ({string.Join(", ", aheadRuns.Select(r => $"{r.Wall:F1}"))} s); " : "";
    var turnRuns = arguments.SeriesRepeats > 1 ? $"median of {arguments.SeriesRepeats} runs ({string.Join(", ", inTurnRuns.Select(r => $"{r.Wall:F1}"))} s); " : "";
    report.Add($"| {jobs.Count} notebooks, -j {cores}, kernels started ahead | {ahead.Wall:F1} s | {runs}first result {Stats.Median(ahead.FirstResults):F2} s after a notebook's turn begins (median; max {ahead.FirstResults.Max():F2} s) |");
    report.Add($"| same, kernels started in turn (--no-prestart) | {inTurn.Wall:F1} s | {turnRuns}first result {Stats.Median(inTurn.FirstResults):F2} s after its turn (median) |");
    report.Add($"| same, -j 1, kernels started ahead | {serial.Wall:F1} s | first result {Stats.Median(serial.FirstResults):F2} s after its turn (median); -j 1 / -j {cores} = {serial.Wall / ahead.Wall:F2} |");

    if (!arguments.SkipNbclient)
    {
        var nbclient = await NbclientSeries.RunAsync(arguments.NotebooksFolder, scratch);
        report.Add($"| same notebooks, Jupyter nbclient, serial | {nbclient.Values.Sum():F1} s | nbclient / nbrun -j {cores} = **{nbclient.Values.Sum() / ahead.Wall:F2}** |");
        report.Add("");
        report.Add("| notebook | nbrun -j 1 | nbclient | nbrun / nbclient |");
        report.Add("|---|---:|---:|---:|");
        foreach (var (name, seconds) in serial.PerNotebook)
        {
            var theirs = nbclient.GetValueOrDefault(name, double.NaN);
            report.Add($"| {name} | {seconds:F1} s | {theirs:F1} s | {seconds / theirs:F2} |");
        }
    }
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
Console.WriteLine($"nbrun benchmarks, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {load} at the end, {DateTime.UtcNow:yyyy-MM-dd}");
foreach (var line in report) Console.WriteLine(line);
return 0;

static string WriteNotebook(string folder, string name, IEnumerable<string> cells)
{
    var notebook = Notebook.CreateNew();
    notebook.Cells.AddRange(cells.Select(NotebookCell.Code));
    var path = Path.Combine(folder, name);
    NotebookWriter.WriteAtomic(notebook, path);
    return path;
}

static async Task<SeriesTiming> TimeSeries(IReadOnlyList<NotebookJob> jobs, RunOptions options)
{
    var observer = new FirstResultObserver();
    var clock = Stopwatch.StartNew();
    var results = await SuiteRunner.RunAsync(jobs, options, observer);
    var wall = clock.Elapsed.TotalSeconds;
    if (results.FirstOrDefault(r => !r.Passed) is { } failed) throw new InvalidOperationException($"{failed.Name}: {failed.Failure}");
    return new SeriesTiming(wall, [.. observer.FirstResultAfterTurn.Values.Select(t => t.TotalSeconds)], [.. results.Select(r => (r.Name, r.Duration.TotalSeconds))]);
}

internal sealed record SeriesTiming(double Wall, List<double> FirstResults, List<(string Name, double Seconds)> PerNotebook);
