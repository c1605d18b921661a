using System.Globalization;
using Measurement.Accuracy;
using Timeline.MagicCost;

// The fixed cost #!timeline adds to a cell beyond the recording itself. In one in-process C# kernel (the 26120.1
// packages the tool runs), three cells run in turn, many times:
//   magic:  #!timeline over the work;
//   manual: the same recording written in the cell, as the notebooks do it today: Timeline.Record with the same
//           options around the work, the timeline as the cell's value;
//   plain:  the work alone.
// Fixed cost = median of the paired differences magic − manual (each pair run back to back); the recording itself is
// manual − plain. Both with runtime events off (the listener's flush is ~30 ms of recording) and on. The machine is
// shared, so wall times are noisy; the process's CPU time per cell (mean over all runs, read from the OS in 10 ms
// ticks, so only the mean is meaningful) is not disturbed by other processes and is reported beside them.
// Run with: dotnet run -c Release --project tests/Benchmarks/Timeline.MagicCost [pairs]
var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
const string Work = "System.Threading.Thread.SpinWait(20_000);";

using var kernel = new KernelSession();
Console.WriteLine($"#!timeline fixed cost ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC), {pairs} runs of each cell");
Console.WriteLine();
Console.WriteLine("| runtime events | plain cell (median) | manual recording cell | #!timeline cell | recording (manual − plain) | fixed cost (#!timeline − manual, median of pairs) | p25 … p75 of pairs | CPU per cell: plain / manual / #!timeline (mean) | CPU fixed cost | 1-min load avg |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var runtimeEvents in new[] { false, true })
{
    var onOff = runtimeEvents ? "on" : "off";
    var magic = $"#!timeline --runtime-events {onOff}\n{Work}";
    var options = $"new ConcurrencyLab.Timelines.TimelineOptions {{ CaptureRuntimeEvents = {(runtimeEvents ? "true" : "false")}, SampleThreadPool = {(runtimeEvents ? "true" : "false")} }}";
    var manual = $"var timeline = ConcurrencyLab.Timelines.Timeline.Record(() => {{ {Work} }}, {options});\ntimeline";
    var loadBefore = LoadAverage();
    // JIT and tiering: the magic's path runs code the plain cells do not (the extension, Roslyn's parser on the cell),
    // which the runtime keeps recompiling in the background for the first few hundred cells.
    for (var i = 0; i < 100; i++) { kernel.Run(magic); kernel.Run(manual); kernel.Run(Work); }
    var magicMs = new List<double>();
    var manualMs = new List<double>();
    var plainMs = new List<double>();
    var differences = new List<double>();
    double magicCpu = 0, manualCpu = 0, plainCpu = 0;
    for (var i = 0; i < pairs; i++)
    {
        // Alternate which goes first, so a drift in load does not favour one.
        double a, b;
        if (i % 2 == 0) { a = Timed(magic, ref magicCpu); b = Timed(manual, ref manualCpu); }
        else { b = Timed(manual, ref manualCpu); a = Timed(magic, ref magicCpu); }
        magicMs.Add(a);
        manualMs.Add(b);
        differences.Add(a - b);
        plainMs.Add(Timed(Work, ref plainCpu));
    }
    differences.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {onOff} | {Median(plainMs):F2} ms | {Median(manualMs):F2} ms | {Median(magicMs):F2} ms | {Median(manualMs) - Median(plainMs):F2} ms | {Median(differences):F2} ms | {Quantile(differences, 0.25):F2} … {Quantile(differences, 0.75):F2} ms | {plainCpu / pairs:F2} / {manualCpu / pairs:F2} / {magicCpu / pairs:F2} ms | {(magicCpu - manualCpu) / pairs:F2} ms | {loadBefore} → {LoadAverage()} |"));
}

// The magic's own work on a cell's text (find it, parse the C#, generate the code), without the kernel.
var cellText = $"#!timeline --runtime-events off\nusing System.Threading;\nvar workers = Enumerable.Range(0, 2).Select(i => new Thread(() => Thread.Sleep(40))).ToList();\nworkers.ForEach(w => w.Start());\nworkers.ForEach(w => w.Join());\n42";
for (var i = 0; i < 2000; i++) MagicCodeCost.Generate(cellText);
var watch = System.Diagnostics.Stopwatch.StartNew();
const int generations = 20_000;
for (var i = 0; i < generations; i++) MagicCodeCost.Generate(cellText);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Locating, parsing and rewriting a 6-line #!timeline cell: {watch.Elapsed.TotalMilliseconds * 1000 / generations:F1} µs per cell ({generations:N0} cells)."));
return 0;

// The cell's wall time in ms; its CPU time (all of the process's threads) is added to cpuMs.
double Timed(string cell, ref double cpuMs)
{
    var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    var wall = kernel.Run(cell).Wall;
    cpuMs += (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
    return wall.TotalMilliseconds;
}

static double Median(List<double> values) => Quantile(values.Order().ToList(), 0.5);

static double Quantile(List<double> sorted, double q)
{
    var position = q * (sorted.Count - 1);
    var low = (int)Math.Floor(position);
    var high = Math.Min(low + 1, sorted.Count - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
