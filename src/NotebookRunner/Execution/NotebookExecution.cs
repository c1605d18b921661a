using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NotebookRunner.Documents;
using NotebookRunner.Engine;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs one notebook in its own worker process and turns what it reports into the executed notebook and a
/// result. The process boundary is the point: a timeout kills the worker's process tree, and a crash
/// (unhandled exception on a thread, FailFast, stack overflow) fails this notebook with the reason and the
/// outputs produced so far, while the runner and the other notebooks carry on.
/// </summary>
public sealed class NotebookExecution
{
    private const int StderrTailLimit = 16 * 1024;

    private readonly string _path;
    private readonly string _name;
    private readonly RunOptions _options;
    private readonly IRunObserver? _observer;

    /// <summary>Prepares the run of <paramref name="path"/>, shown in reports as <paramref name="name"/>.</summary>
    public NotebookExecution(string path, string name, RunOptions options, IRunObserver? observer = null)
    {
        _path = path;
        _name = name;
        _options = options;
        _observer = observer;
    }

    /// <summary>Runs the notebook; never throws for the notebook's own failures.</summary>
    public async Task<NotebookResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Notebook input;
        try
        {
            input = NotebookReader.Read(_path);
        }
        catch (Exception e) when (e is NotebookFormatException or IOException or UnauthorizedAccessException)
        {
            return Invalid(e.Message);
        }

        var run = new Run(input, _path, _options);
        _observer?.NotebookStarted(_name, input.Cells.Count(CellPolicy.IsRunnable));
        try
        {
            run.ResolveTimeouts();
            await SuperviseAsync(run, cancellationToken);
        }
        catch (NotebookFormatException e)
        {
            return Invalid(e.Message);
        }

        return Finish(run.ToResult(_name, clock.Elapsed));

        NotebookResult Invalid(string message) =>
            Finish(new NotebookResult(_path, _name, NotebookStatus.InvalidInput, clock.Elapsed, [], null, message, null));

        NotebookResult Finish(NotebookResult result)
        {
            _observer?.NotebookFinished(result);
            return result;
        }
    }

    private async Task SuperviseAsync(Run run, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = WorkerLauncher.CreateStartInfo(_path, _options) };
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
                if (stderr.Length > StderrTailLimit) stderr.Remove(0, stderr.Length - StderrTailLimit);
            }
        };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            run.FailToStart($"could not start the notebook worker: {e.Message}");
            return;
        }
        process.StandardInput.Close();
        process.BeginErrorReadLine();

        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var pump = Task.Run(async () =>
        {
            try
            {
                while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line) await lines.Writer.WriteAsync(line, cancellationToken);
            }
            catch (OperationCanceledException) { }
            finally { lines.Writer.TryComplete(); }
        }, CancellationToken.None);

        try
        {
            while (true)
            {
                // Lines that are already there are applied without arming a timer: a chatty cell sends thousands.
                while (lines.Reader.TryRead(out var line))
                    if (run.Apply(line, _observer, _name)) return;

                var deadline = run.CurrentDeadline(_options.StartupTimeout);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (deadline != Timeout.InfiniteTimeSpan) wait.CancelAfter(deadline);
                try
                {
                    if (!await lines.Reader.WaitToReadAsync(wait.Token)) break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Kill(process);
                    run.TimeOut();
                    return;
                }
            }

            // The worker's stdout closed before it said "done": it died.
            await WaitForExitAsync(process);
            string tail;
            lock (stderr) tail = stderr.ToString().TrimEnd();
            run.Crash(process.HasExited ? process.ExitCode : null, tail);
        }
        finally
        {
            Kill(process);
            await pump.ConfigureAwait(false);
        }
    }

    private static async Task WaitForExitAsync(Process process)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await process.WaitForExitAsync(grace.Token); }
        catch (OperationCanceledException) { }
        // Let the async stderr reader deliver the last lines (the runtime's crash report).
        if (process.HasExited) process.WaitForExit();
    }

    private static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>The state of one notebook's run, fed by protocol lines.</summary>
    private sealed class Run(Notebook input, string path, RunOptions options)
    {
        private readonly Notebook _executed = input.Clone();
        private readonly Dictionary<int, CellOutputAssembler> _assemblers = [];
        private readonly Dictionary<int, CellResult> _results = [];
        private readonly Dictionary<int, TimeSpan> _timeouts = [];
        private readonly Stopwatch _cellClock = new();
        private int? _runningCell;
        private int _ordinal;
        private bool _infrastructureFailure;
        private string? _startupFailure;

        public bool? Optimized { get; private set; }

        public void ResolveTimeouts()
        {
            for (var i = 0; i < input.Cells.Count; i++)
                if (CellPolicy.IsRunnable(input.Cells[i]))
                    _timeouts[i] = CellTimeouts.For(input, input.Cells[i], options.CellTimeout, path);
        }

        public TimeSpan CurrentDeadline(TimeSpan startup)
        {
            // Before the first cell and between cells, the worker is starting up or moving on.
            if (_runningCell is not { } cell) return startup;
            var limit = _timeouts.GetValueOrDefault(cell, options.CellTimeout);
            if (limit == Timeout.InfiniteTimeSpan) return limit;
            var left = limit - _cellClock.Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
        }

        /// <summary>Applies one protocol line; true when the worker said it is done.</summary>
        public bool Apply(string line, IRunObserver? observer, string name)
        {
            var message = WorkerMessage.TryParse(line);
            if (message is null)
            {
                // Something wrote to the worker's real stdout, bypassing capture: keep it as the cell's output.
                if (_runningCell is { } cell) Assembler(cell).Add(new StreamEvent("stdout", line + "\n"));
                return false;
            }

            switch ((string?)message["t"])
            {
                case "hello":
                    Optimized = (bool?)message["optimized"];
                    break;
                case "start":
                    var index = (int)message["i"]!;
                    _runningCell = index;
                    _cellClock.Restart();
                    var cell = input.Cells[index];
                    _executed.Cells[index].Outputs.Clear();
                    _executed.Cells[index].ExecutionCount = null;
                    observer?.CellStarted(name, index, ++_ordinal, FirstLine(cell));
                    break;
                case "end":
                    var ended = (int)message["i"]!;
                    var count = (int)message["n"]!;
                    var status = (string)message["status"]! switch { "ok" => CellStatus.Passed, "allowed-error" => CellStatus.AllowedError, _ => CellStatus.Failed };
                    var outputs = _executed.Cells[ended].Outputs;
                    Assembler(ended).Complete(count);
                    _executed.Cells[ended].ExecutionCount = count > 0 ? count : null;
                    var error = outputs.OfType<ErrorOutput>().LastOrDefault();
                    _results[ended] = Result(ended, status, TimeSpan.FromMilliseconds((double)message["ms"]!), count > 0 ? count : null,
                        status == CellStatus.Passed ? null : error);
                    _runningCell = null;
                    break;
                case "done":
                    return true;
                default:
                    var cellIndex = (int?)message["i"];
                    if (cellIndex is { } target && WorkerMessage.ToCellEvent(message) is { } cellEvent)
                    {
                        if (cellEvent is ErrorEvent { Kind: CellErrorKind.Restore }) _infrastructureFailure = true;
                        Assembler(target).Add(cellEvent);
                    }
                    break;
            }
            return false;
        }

        public void TimeOut()
        {
            var limit = _runningCell is { } c ? _timeouts.GetValueOrDefault(c, options.CellTimeout) : options.StartupTimeout;
            var seconds = limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            var message = _runningCell is null
                ? $"the notebook worker did not start within {seconds} s"
                : $"the cell did not finish within its timeout of {seconds} s; the notebook process was killed";
            AbortRunningCell(CellStatus.TimedOut, new ErrorOutput("CellTimeoutError", message, [message]));
        }

        public void Crash(int? exitCode, string stderrTail)
        {
            var reason = string.IsNullOrWhiteSpace(stderrTail) ? "no message" : stderrTail;
            var message = $"the notebook process exited{(exitCode is { } code ? $" with code {code}" : "")} while the cell was running: {FirstMeaningfulLine(reason)}";
            AbortRunningCell(CellStatus.Crashed, new ErrorOutput("ProcessCrashed", message, reason.Split('\n')));
        }

        public void FailToStart(string message) => AbortRunningCell(CellStatus.Crashed, new ErrorOutput("WorkerStartError", message, [message]));

        private void AbortRunningCell(CellStatus status, ErrorOutput error)
        {
            var index = _runningCell ?? input.Cells.FindIndex(c => CellPolicy.IsRunnable(c) && !CellPolicy.ShouldSkip(c));
            if (index < 0) { _startupFailure = error.EValue; return; }
            _executed.Cells[index].Outputs.Add(error);
            _results[index] = Result(index, status, _cellClock.Elapsed, _executed.Cells[index].ExecutionCount, error);
            _runningCell = null;
        }

        public NotebookResult ToResult(string name, TimeSpan duration)
        {
            var cells = new List<CellResult>();
            for (var i = 0; i < input.Cells.Count; i++)
            {
                if (_results.TryGetValue(i, out var result)) { cells.Add(result); continue; }
                var cell = input.Cells[i];
                if (!CellPolicy.IsRunnable(cell) || CellPolicy.ShouldSkip(cell))
                {
                    if (cell.IsCode) cells.Add(Result(i, CellStatus.Skipped, TimeSpan.Zero, cell.ExecutionCount, null));
                    continue;
                }
                // Not reached: clear stale outputs so the saved notebook does not show results of another run.
                _executed.Cells[i].Outputs.Clear();
                _executed.Cells[i].ExecutionCount = null;
                cells.Add(Result(i, CellStatus.NotRun, TimeSpan.Zero, null, null));
            }

            var failed = cells.FirstOrDefault(c => c.Status is CellStatus.Failed or CellStatus.TimedOut or CellStatus.Crashed);
            var status = failed?.Status switch
            {
                null when _startupFailure is not null => NotebookStatus.Crashed,
                null => NotebookStatus.Passed,
                CellStatus.TimedOut => NotebookStatus.TimedOut,
                CellStatus.Crashed => NotebookStatus.Crashed,
                _ when _infrastructureFailure => NotebookStatus.InfrastructureError,
                _ => NotebookStatus.Failed,
            };
            var failure = failed is null ? _startupFailure : $"{failed.Describe()}: {failed.Error}";
            return new NotebookResult(path, name, status, duration, cells, _executed, failure, Optimized);
        }

        private CellOutputAssembler Assembler(int index)
        {
            if (!_assemblers.TryGetValue(index, out var assembler))
                _assemblers[index] = assembler = new CellOutputAssembler(_executed.Cells[index].Outputs);
            return assembler;
        }

        private CellResult Result(int index, CellStatus status, TimeSpan duration, int? count, ErrorOutput? error) =>
            new(index, _executed.Cells[index].Id, FirstLine(input.Cells[index]), status, duration, count,
                error is null ? null : $"{error.EName}: {FirstMeaningfulLine(error.EValue)}", error?.Traceback);

        private static string FirstLine(NotebookCell cell)
        {
            var line = FirstMeaningfulLine(cell.Source);
            return line.Length > 80 ? line[..77] + "..." : line;
        }

        private static string FirstMeaningfulLine(string text) =>
            text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
    }
}
