using System.Diagnostics;
using NotebookRunner.Documents;
using NotebookRunner.Kernel;

namespace NotebookRunner.Execution;

/// <summary>
/// Runs one notebook in its own dotnet-interactive kernel, cell by cell as VS Code's "Run All" sends them, and
/// turns the kernel's events into the executed notebook and a result. It stops at the first error a cell is not
/// allowed to raise (nbclient's rule); a cell over its timeout is cancelled and, since the kernel cannot always
/// stop it (a busy loop or <c>Thread.Sleep</c> ignores Cancel), the kernel's process tree is killed; a kernel
/// that dies (FailFast, an unhandled exception on a thread, stack overflow) fails only this notebook, with the
/// reason and the outputs so far.
/// </summary>
public sealed class NotebookExecution
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(1);

    private readonly string _path;
    private readonly string _name;
    private readonly RunOptions _options;
    private readonly IRunObserver? _observer;
    private readonly Func<Notebook, CancellationToken, Task<KernelSession>> _startKernel;

    /// <summary>Prepares the run of <paramref name="path"/>, shown in reports as <paramref name="name"/>.</summary>
    /// <param name="startKernel">Where the kernel comes from (a kernel started ahead by <see cref="SuiteRunner"/>); by default a new one.</param>
    public NotebookExecution(string path, string name, RunOptions options, IRunObserver? observer = null,
        Func<Notebook, CancellationToken, Task<KernelSession>>? startKernel = null)
    {
        _path = path;
        _name = name;
        _options = options;
        _observer = observer;
        _startKernel = startKernel ?? ((notebook, token) => KernelLauncher.StartAsync(path, notebook, options, token));
    }

    /// <summary>Runs the notebook; never throws for the notebook's own failures (only for <paramref name="cancellationToken"/>).</summary>
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
            return Finish(Invalid(e.Message));
        }

        var run = new NotebookRun(input, _path, _options);
        try
        {
            run.ResolveTimeouts();
        }
        catch (NotebookFormatException e)
        {
            return Finish(Invalid(e.Message));
        }

        _observer?.NotebookStarted(_name, run.RunnableCells.Count);
        KernelSession session;
        try
        {
            session = await _startKernel(input, cancellationToken);
        }
        catch (KernelUnavailableException e)
        {
            run.KernelUnavailable(e.Message);
            return Finish(run.ToResult(_name, clock.Elapsed));
        }

        await using (session)
        {
            run.Kernel = session.Tool.Description;
            foreach (var index in run.RunnableCells)
            {
                var goOn = await RunCellAsync(run, session, index, cancellationToken);
                if (run.ResultOf(index) is { } cellResult) _observer?.CellFinished(_name, cellResult);
                if (!goOn) break;
            }
        }
        return Finish(run.ToResult(_name, clock.Elapsed));

        NotebookResult Invalid(string message) =>
            new(_path, _name, NotebookStatus.InvalidInput, clock.Elapsed, [], null, message, null);
    }

    /// <summary>Runs one cell; false when the notebook must stop here.</summary>
    private async Task<bool> RunCellAsync(NotebookRun run, KernelSession session, int index, CancellationToken cancellationToken)
    {
        var cell = run.Input.Cells[index];
        var target = CellRouting.TargetKernel(run.Input, cell);
        // Asked when the cell's turn comes: an earlier cell may just have connected the kernel.
        if (MissingConnectedKernel.Find(run.Input, target, session.KernelNames) is { } missing)
        {
            if (!missing.IsRequiredBy(_options.RequiredKernels))
            {
                run.Unavailable(index, missing);
                return true;
            }
            run.MissingRequiredKernel(index, missing);
            return false;
        }

        var token = NotebookRun.TokenFor(index);
        var ordinal = run.Start(index);
        _observer?.CellStarted(_name, index, ordinal, run.FirstLine(index));

        if (CellRouting.NeedsFrontEnd(target))
        {
            return run.EndWithError(index, $"cell {index} runs in the '{target}' kernel, which exists only inside a browser front end " +
                "(VS Code, JupyterLab); nbrun runs notebooks headless. Tag the cell skip-execution to run the rest of the notebook.");
        }

        if (!session.SendCell(KernelCommands.SubmitCode(token, cell.Source, target)))
            return await CrashAsync(run, session, index);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (run.TimeoutOf(index) is { } limit && limit != Timeout.InfiniteTimeSpan) deadline.CancelAfter(limit);
        try
        {
            while (await session.ReadAsync(deadline.Token) is { } kernelEvent)
            {
                if (kernelEvent.Ends(token))
                {
                    if (kernelEvent.Type == KernelEventTypes.CommandSucceeded) return run.EndWithSuccess(index);
                    var message = kernelEvent.GetString("message") ?? "the command failed";
                    return run.EndWithError(index, UnknownKernel(session, target) is { } unknown ? $"{unknown}\n{message}" : message);
                }
                run.Apply(kernelEvent, index);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await CancelThenKillAsync(run, session, index, token);
            return false;
        }
        return await CrashAsync(run, session, index);
    }

    private static async Task CancelThenKillAsync(NotebookRun run, KernelSession session, int index, string token)
    {
        // Cancel first, so the kernel gets to report what it was doing and flush the cell's output; but a
        // cancelled busy loop keeps the kernel blocked even after it says "Command cancelled.", so the
        // process tree goes whatever the answer.
        if (session.Send(KernelCommands.Cancel($"cancel-{index}")))
        {
            using var grace = new CancellationTokenSource(CancelGrace);
            try
            {
                while (await session.ReadAsync(grace.Token) is { } kernelEvent)
                {
                    if (kernelEvent.Ends(token)) break;
                    run.Apply(kernelEvent, index);
                }
            }
            catch (OperationCanceledException) { }
        }
        session.Kill();
        run.TimeOut(index);
    }

    private static async Task<bool> CrashAsync(NotebookRun run, KernelSession session, int index)
    {
        await session.WaitForExitAsync(TimeSpan.FromSeconds(5));
        run.Crash(index, session.ExitCode, session.Stderr());
        return false;
    }

    private static string? UnknownKernel(KernelSession session, string target) =>
        session.KernelNames.Contains(target) ? null
            : $"this notebook's kernel has no subkernel named '{target}' (it has: {string.Join(", ", session.KernelNames.Order(StringComparer.OrdinalIgnoreCase))})";

    private NotebookResult Finish(NotebookResult result)
    {
        _observer?.NotebookFinished(result);
        return result;
    }
}
