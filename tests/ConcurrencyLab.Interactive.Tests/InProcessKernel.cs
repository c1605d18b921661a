using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace ConcurrencyLab.Interactive.Tests;

/// <summary>
/// A kernel like the tool's: a composite with a C# kernel (default) and a second, non-C# kernel ("value", the
/// key-value store of Microsoft.DotNet.Interactive) to stand for an F# or Python cell; the extension loaded with the
/// same Load call a notebook's setup cell makes.
/// </summary>
internal sealed class InProcessKernel : IDisposable
{
    public InProcessKernel()
    {
        CSharp = new CSharpKernel().UseKernelHelpers();
        Root = new CompositeKernel { CSharp, new KeyValueStoreKernel("value", new HttpClient()) };
        Root.DefaultKernelName = CSharp.Name;
        ConcurrencyLabExtension.Load(Root);
    }

    public CompositeKernel Root { get; }

    public CSharpKernel CSharp { get; }

    public Task<CellRun> RunAsync(string code, string? kernelName = null) => RunAsync(code, kernelName, cancelOnMarker: null);

    /// <summary>Submits a cell, cancels it after <paramref name="delay"/>, and returns its events.</summary>
    /// <summary>Runs <paramref name="code"/> and cancels it once it has written <paramref name="startedMarker"/> to stdout: once its code runs, however slow the machine.</summary>
    public Task<CellRun> RunAndCancelAsync(string code, string startedMarker) => RunAsync(code, null, startedMarker);

    // Events are collected as a front end receives them (the kernel's event stream, by the cell's token and its
    // children's), not from the command's result, which leaves out what nested submissions publish.
    private async Task<CellRun> RunAsync(string code, string? kernelName, string? cancelOnMarker)
    {
        var command = new SubmitCode(code, kernelName);
        var token = command.GetOrCreateToken();
        var events = new List<KernelEvent>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Root.KernelEvents.Subscribe(e =>
        {
            var eventToken = e.Command.GetOrCreateToken();
            if (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal)) return;
            lock (events) events.Add(e);
            if (cancelOnMarker is not null && e is StandardOutputValueProduced output
                && output.FormattedValues.Any(v => v.Value.Contains(cancelOnMarker, StringComparison.Ordinal)))
                started.TrySetResult();
        });
        var running = Root.SendAsync(command, TestContext.Current.CancellationToken);
        if (cancelOnMarker is not null)
        {
            await started.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
            await Root.SendAsync(new Cancel(), TestContext.Current.CancellationToken);
        }
        var result = await running;
        lock (events)
        {
            // The cell's own completion event, which the stream may carry or not depending on the route.
            foreach (var completion in result.Events.Where(e => e is CommandSucceeded or CommandFailed && !events.Contains(e)))
                events.Add(completion);
            return new CellRun(events.ToList());
        }
    }

    public void Dispose() => Root.Dispose();
}
