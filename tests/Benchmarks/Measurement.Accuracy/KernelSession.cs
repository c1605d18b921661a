using System.Diagnostics;
using ConcurrencyLab.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Measurement.Accuracy;

/// <summary>
/// An in-process .NET Interactive kernel (the C# kernel of the 26120.1 packages the tool runs) with the ConcurrencyLab
/// extension loaded and this assembly referenced, so cells can call the benchmark's workloads by name.
/// </summary>
public sealed class KernelSession : IDisposable
{
    private readonly CompositeKernel _root;

    public KernelSession()
    {
        var csharp = new CSharpKernel().UseKernelHelpers();
        _root = new CompositeKernel { csharp };
        _root.DefaultKernelName = csharp.Name;
        ConcurrencyLabExtension.Load(_root);
        csharp.AddAssemblyReferences(new[] { typeof(KernelSession).Assembly.Location });
    }

    /// <summary>Runs a cell; returns its displayed and returned values and the cell's wall time (compile and display included).</summary>
    public (IReadOnlyList<object> Values, TimeSpan Wall) Run(string code)
    {
        var command = new SubmitCode(code);
        var token = command.GetOrCreateToken();
        var values = new List<object>();
        string? failure = null;
        using var subscription = _root.KernelEvents.Subscribe(e =>
        {
            var eventToken = e.Command.GetOrCreateToken();
            if (eventToken != token && !eventToken.StartsWith(token + ".", StringComparison.Ordinal)) return;
            lock (values)
            {
                if (e is DisplayEvent { Value: { } value }) values.Add(value);
                if (e is CommandFailed failed) failure = failed.Message;
            }
        });
        var wall = Stopwatch.StartNew();
        var result = _root.SendAsync(command).GetAwaiter().GetResult();
        wall.Stop();
        failure ??= result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;
        if (failure is not null)
            throw new InvalidOperationException($"The cell failed: {failure}{Environment.NewLine}{code}");
        lock (values) return (values.ToList(), wall.Elapsed);
    }

    public void Dispose() => _root.Dispose();
}
