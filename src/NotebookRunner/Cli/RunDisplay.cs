using System.Globalization;
using NotebookRunner.Execution;
using NotebookRunner.Reporting;
using Spectre.Console;

namespace NotebookRunner.Cli;

/// <summary>
/// What the terminal shows during and after a run: live progress bars on an interactive terminal, plain
/// timestamped lines when output is redirected or <c>CI=true</c> (logs stay readable), and a summary table.
/// </summary>
internal abstract class RunDisplay : IRunObserver
{
    protected readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    public static RunDisplay Create(TextWriter output)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var terminal = !ci && ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 160; // logs are read wide; 80 columns would wrap every failure
        return terminal && console.Profile.Capabilities.Interactive ? new LiveRunDisplay(console, output) : new PlainRunDisplay(console, output);
    }

    protected RunDisplay(IAnsiConsole console, TextWriter output)
    {
        Console = console;
        Output = output;
    }

    protected IAnsiConsole Console { get; }

    protected TextWriter Output { get; }

    public void Header(int notebooks, RunOptions options)
    {
        var timeout = options.CellTimeout == Timeout.InfiniteTimeSpan ? "none" : $"{options.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
        Output.WriteLine($"nbrun: {notebooks} notebook(s), {options.Parallelism} at a time, kernels {(options.Prestart ? "started ahead" : "started in turn")}, cell timeout {timeout}{Required(options)}");
    }

    // Said up front, so a log shows why a notebook without its Python kernel failed rather than passed.
    private static string Required(RunOptions options) =>
        options.RequiredKernels.Count == 0 ? "" : $", required kernels: {string.Join(", ", options.RequiredKernels.Order(StringComparer.OrdinalIgnoreCase))}";

    public abstract Task<IReadOnlyList<NotebookResult>> RunAsync(Func<IRunObserver, Task<IReadOnlyList<NotebookResult>>> run);

    public abstract void NotebookStarted(string name, int codeCells);
    public abstract void CellStarted(string name, int index, int ordinal, string firstLine);
    public abstract void NotebookFinished(NotebookResult result);
    public abstract void CellFinished(string name, CellResult result);

    /// <summary>" (3 python cells not run: no 'python' kernel)" after a notebook's outcome, or "".</summary>
    protected static string NoteAfter(NotebookResult result) => ResultNotes.Note(result) is { } note ? $" ({note})" : "";

    public void Summary(IReadOnlyList<NotebookResult> results)
    {
        var table = new Table().Border(TableBorder.Simple).Title("[bold]nbrun summary[/]");
        table.AddColumn("Notebook").AddColumn("Status").AddColumn(new TableColumn("Cells").RightAligned()).AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Failure or note");
        foreach (var result in results)
        {
            var word = result.Status == NotebookStatus.InvalidInput ? "invalid" : ArtifactWriter.StatusWord(result.Status);
            var colour = result.Passed ? "green" : "red";
            table.AddRow(
                Markup.Escape(result.Name),
                $"[{colour}]{word}[/]",
                $"{result.CellsRun}/{result.Cells.Count(c => c.Status != CellStatus.Skipped)}",
                Seconds(result.Duration),
                Markup.Escape(string.Join("; ", new[] { result.Failure, ResultNotes.Note(result) }.OfType<string>())));
        }
        Console.Write(table);
        var warnings = results.SelectMany(r => r.Warnings.Select(w => $"{r.Name} {w}")).ToList();
        if (warnings.Count > 0)
        {
            Output.WriteLine($"{warnings.Count} compiler warning(s) (VS Code shows them as squiggles; they are not in the executed notebooks):");
            foreach (var warning in warnings) Output.WriteLine($"  {warning}");
        }
        var passed = results.Count(r => r.Passed);
        Output.WriteLine($"{passed} passed, {results.Count - passed} failed{MissingKernelNotes.Clause(results)} in {Seconds(Clock.Elapsed)}");
    }

    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private sealed class PlainRunDisplay(IAnsiConsole console, TextWriter output) : RunDisplay(console, output)
    {
        private readonly Lock _gate = new();

        public override Task<IReadOnlyList<NotebookResult>> RunAsync(Func<IRunObserver, Task<IReadOnlyList<NotebookResult>>> run) => run(this);

        public override void NotebookStarted(string name, int codeCells) => Line($"start {name} ({codeCells} code cells)");

        public override void CellStarted(string name, int index, int ordinal, string firstLine) => Line($"{name} cell {index}: {firstLine}");

        // A cell never sent has no start line; its own line says it was passed over and why.
        public override void CellFinished(string name, CellResult result)
        {
            if (result.Status == CellStatus.Unavailable) Line($"{name} cell {result.Index}: not run, no '{result.MissingKernel}' kernel on this machine");
        }

        public override void NotebookFinished(NotebookResult result)
        {
            var word = result.Passed ? "PASS" : result.Status.ToString().ToUpperInvariant();
            Line($"{word} {result.Name} in {Seconds(result.Duration)}{NoteAfter(result)}{(result.Failure is { } f ? ": " + f : "")}");
        }

        private void Line(string text)
        {
            lock (_gate) Output.WriteLine($"[{Clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6}s] {text}");
        }
    }

    private sealed class LiveRunDisplay(IAnsiConsole console, TextWriter output) : RunDisplay(console, output)
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private ProgressContext? _context;
        private readonly Lock _gate = new();

        public override async Task<IReadOnlyList<NotebookResult>> RunAsync(Func<IRunObserver, Task<IReadOnlyList<NotebookResult>>> run)
        {
            IReadOnlyList<NotebookResult> results = [];
            await Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    _context = context;
                    results = await run(this);
                });
            return results;
        }

        public override void NotebookStarted(string name, int codeCells)
        {
            lock (_gate) _tasks[name] = _context!.AddTask(Markup.Escape(name), maxValue: Math.Max(1, codeCells));
        }

        public override void CellStarted(string name, int index, int ordinal, string firstLine)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(name, out var task)) return;
                task.Value = ordinal - 1;
                task.Description = Markup.Escape($"{name} · cell {index}: {Shorten(firstLine)}");
            }
        }

        public override void CellFinished(string name, CellResult result)
        {
            if (result.Status != CellStatus.Unavailable) return;
            lock (_gate)
            {
                if (_tasks.TryGetValue(name, out var task))
                    task.Description = Markup.Escape($"{name} · cell {result.Index}: not run, no '{result.MissingKernel}' kernel");
            }
        }

        public override void NotebookFinished(NotebookResult result)
        {
            lock (_gate)
            {
                if (!_tasks.TryGetValue(result.Name, out var task)) return;
                var colour = result.Passed ? "green" : "red";
                task.Description = $"[{colour}]{Markup.Escape(result.Name)} {(result.Passed ? "passed" : ArtifactWriter.StatusWord(result.Status))}[/]{Markup.Escape(NoteAfter(result))}";
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }

        private static string Shorten(string text) => text.Length > 40 ? text[..37] + "..." : text;
    }
}
