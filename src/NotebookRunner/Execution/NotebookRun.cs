using System.Diagnostics;
using System.Globalization;
using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Execution;

/// <summary>The state of one notebook's run: the executed copy being filled in, and each cell's result.</summary>
internal sealed class NotebookRun
{
    private const string TokenPrefix = "cell-";

    private readonly Notebook _executed;
    private readonly string _path;
    private readonly RunOptions _options;
    private readonly Dictionary<int, CellOutputAssembler> _assemblers = [];
    private readonly Dictionary<int, CellResult> _results = [];
    private readonly Dictionary<int, TimeSpan> _timeouts = [];
    private readonly Dictionary<int, List<string>> _warnings = [];
    private readonly Stopwatch _cellClock = new();
    private int _ordinal;
    private string? _kernelFailure;

    public NotebookRun(Notebook input, string path, RunOptions options)
    {
        Input = input;
        _executed = input.Clone();
        _path = path;
        _options = options;
        RunnableCells = [.. Enumerable.Range(0, input.Cells.Count).Where(i => CellPolicy.IsRunnable(input.Cells[i]) && !CellPolicy.ShouldSkip(input.Cells[i]))];
    }

    public Notebook Input { get; }

    /// <summary>The cells to send, in order: code, not blank, not tagged <c>skip-execution</c>.</summary>
    public IReadOnlyList<int> RunnableCells { get; }

    /// <summary>What ran the cells, for reports ("dotnet-interactive 1.0.712001 (pinned in …)").</summary>
    public string? Kernel { get; set; }

    /// <summary>The command token of cell <paramref name="index"/>; the kernel derives child tokens from it (<c>cell-4.1</c>).</summary>
    public static string TokenFor(int index) => TokenPrefix + index.ToString(CultureInfo.InvariantCulture);

    public void ResolveTimeouts()
    {
        foreach (var index in RunnableCells) _timeouts[index] = CellTimeouts.For(Input, Input.Cells[index], _options.CellTimeout, _path);
    }

    public TimeSpan? TimeoutOf(int index) => _timeouts.TryGetValue(index, out var limit) ? limit : null;

    /// <summary>Marks cell <paramref name="index"/> as running; returns its execution count (1, 2, … in run order).</summary>
    public int Start(int index)
    {
        var cell = _executed.Cells[index];
        cell.Outputs.Clear();
        cell.ExecutionCount = ++_ordinal;
        _cellClock.Restart();
        return _ordinal;
    }

    /// <summary>
    /// Applies an event that is not the end of the running cell: to the cell whose token it carries (output from
    /// a thread a finished cell started still lands in that cell, as in VS Code), to the running cell when it
    /// carries none (a write to the process's real stdout), and nowhere otherwise.
    /// </summary>
    public void Apply(KernelEvent kernelEvent, int runningIndex)
    {
        var target = kernelEvent.RootToken is { } root ? CellOf(root) : runningIndex;
        if (target is not { } index || _executed.Cells[index].ExecutionCount is null) return;
        if (kernelEvent.Type == KernelEventTypes.DiagnosticsProduced) CollectWarnings(index, kernelEvent);
        else Assembler(index).Add(kernelEvent);
    }

    public bool EndWithSuccess(int index)
    {
        _results[index] = Result(index, CellStatus.Passed, null);
        return true;
    }

    /// <summary>Records the cell's error; true when its tag or <c>--allow-errors</c> lets the run go on.</summary>
    public bool EndWithError(int index, string message)
    {
        var error = Assembler(index).Fail(message);
        var allowed = CellPolicy.MayRaise(Input.Cells[index], _options.AllowErrors);
        _results[index] = Result(index, allowed ? CellStatus.AllowedError : CellStatus.Failed, allowed ? null : error);
        return allowed;
    }

    public void TimeOut(int index)
    {
        var seconds = (TimeoutOf(index) ?? _options.CellTimeout).TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var message = $"the cell did not finish within its timeout of {seconds} s; nbrun sent Cancel, then killed the kernel's process tree";
        _results[index] = Result(index, CellStatus.TimedOut, Assembler(index).Fail(message, "CellTimeoutError"));
    }

    public void Crash(int index, int? exitCode, string stderr)
    {
        var reason = string.IsNullOrWhiteSpace(stderr) ? "nothing on stderr" : stderr;
        var message = $"the kernel process exited{(exitCode is { } code ? $" with code {code}" : "")} while the cell was running: {FirstMeaningfulLine(reason)}";
        var error = Assembler(index).Fail(message, "KernelDied");
        error.Traceback.Clear();
        error.Traceback.AddRange(reason.Split('\n'));
        _results[index] = Result(index, CellStatus.Crashed, error);
    }

    /// <summary>
    /// Records a cell whose connected kernel this machine lacks, never sent: its stale outputs give way to one stderr
    /// stream saying so (written by nbrun, as the text says), with no execution count. The run goes on.
    /// </summary>
    public void Unavailable(int index, MissingConnectedKernel missing)
    {
        var cell = _executed.Cells[index];
        cell.Outputs.Clear();
        cell.ExecutionCount = null;
        cell.Outputs.Add(new StreamOutput(StreamOutput.StdErr, missing.NotRunText()));
        _results[index] = NotSent(index, CellStatus.Unavailable, null, missing.Name);
    }

    /// <summary>
    /// Fails a cell whose connected kernel is missing although the run requires it. Neither its tag nor
    /// <c>--allow-errors</c> lets the run go on: the cell's code never ran, so there is no error of its own to permit.
    /// </summary>
    public void MissingRequiredKernel(int index, MissingConnectedKernel missing)
    {
        var cell = _executed.Cells[index];
        cell.Outputs.Clear();
        cell.ExecutionCount = null;
        var error = Assembler(index).Fail(missing.RequiredFailure(index), "MissingKernelError");
        _results[index] = NotSent(index, CellStatus.Failed, error, missing.Name);
    }

    public void KernelUnavailable(string message) => _kernelFailure = message;

    /// <summary>The result of a cell that has ended, else null.</summary>
    public CellResult? ResultOf(int index) => _results.GetValueOrDefault(index);

    public NotebookResult ToResult(string name, TimeSpan duration)
    {
        var cells = new List<CellResult>();
        for (var i = 0; i < Input.Cells.Count; i++)
        {
            if (_results.TryGetValue(i, out var result)) { cells.Add(result); continue; }
            var cell = Input.Cells[i];
            if (!cell.IsCode) continue;
            if (!RunnableCells.Contains(i))
            {
                cells.Add(new CellResult(i, cell.Id, FirstLine(i), CellStatus.Skipped, TimeSpan.Zero, cell.ExecutionCount));
                continue;
            }
            // Not reached: clear stale outputs so the saved notebook does not show results of another run.
            _executed.Cells[i].Outputs.Clear();
            _executed.Cells[i].ExecutionCount = null;
            cells.Add(new CellResult(i, cell.Id, FirstLine(i), CellStatus.NotRun, TimeSpan.Zero, null));
        }

        var failed = cells.FirstOrDefault(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Crashed);
        var status = failed?.Status switch
        {
            null when _kernelFailure is not null => NotebookStatus.InfrastructureError,
            null => NotebookStatus.Passed,
            CellStatus.TimedOut => NotebookStatus.TimedOut,
            CellStatus.Crashed => NotebookStatus.Crashed,
            _ => NotebookStatus.Failed,
        };
        var failure = failed is null ? _kernelFailure : $"{failed.Describe()}: {failed.Error}";
        return new NotebookResult(_path, name, status, duration, cells, _executed, failure, Kernel);
    }

    public string FirstLine(int index)
    {
        var line = FirstMeaningfulLine(Input.Cells[index].Source);
        return line.Length > 80 ? line[..77] + "..." : line;
    }

    private int? CellOf(string rootToken) =>
        rootToken.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && int.TryParse(rootToken.AsSpan(TokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index >= 0 && index < Input.Cells.Count ? index : null;

    private void CollectWarnings(int index, KernelEvent kernelEvent)
    {
        // formattedDiagnostics[i] is diagnostics[i] as the kernel prints it: "(1,8): warning CS8632: …".
        var diagnostics = kernelEvent.Body["diagnostics"] as System.Text.Json.Nodes.JsonArray ?? [];
        var formatted = kernelEvent.Body["formattedDiagnostics"] as System.Text.Json.Nodes.JsonArray ?? [];
        for (var i = 0; i < Math.Min(diagnostics.Count, formatted.Count); i++)
        {
            if ((string?)diagnostics[i]?["severity"] != "warning" || (string?)formatted[i]?["value"] is not { } text) continue;
            if (!_warnings.TryGetValue(index, out var list)) _warnings[index] = list = [];
            list.Add(text);
        }
    }

    private CellOutputAssembler Assembler(int index)
    {
        if (!_assemblers.TryGetValue(index, out var assembler))
            _assemblers[index] = assembler = new CellOutputAssembler(_executed.Cells[index].Outputs);
        return assembler;
    }

    private CellResult Result(int index, CellStatus status, ErrorOutput? error) =>
        new(index, _executed.Cells[index].Id, FirstLine(index), status, _cellClock.Elapsed, _executed.Cells[index].ExecutionCount,
            error is null ? null : $"{error.EName}: {FirstMeaningfulLine(error.EValue)}", error?.Traceback,
            _warnings.TryGetValue(index, out var warnings) ? warnings : null);

    private CellResult NotSent(int index, CellStatus status, ErrorOutput? error, string missingKernel) =>
        new(index, _executed.Cells[index].Id, FirstLine(index), status, TimeSpan.Zero, null,
            error is null ? null : $"{error.EName}: {FirstMeaningfulLine(error.EValue)}", error?.Traceback, MissingKernel: missingKernel);

    private static string FirstMeaningfulLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
