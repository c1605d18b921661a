using System.Diagnostics;
using System.Globalization;
using System.Text;
using NotebookRunner.Documents;
using NotebookRunner.Engine;
using NotebookRunner.Engine.Directives;

namespace NotebookRunner.Execution;

/// <summary>
/// The child-process side: runs one notebook's code cells in order in one <see cref="CSharpSession"/> and
/// reports every event on the protocol. It stops at the first error a cell is not allowed to raise; the
/// parent decides what the run means (and kills it on timeout).
/// </summary>
internal static class WorkerHost
{
    public static int Run(string notebookPath, bool optimize, bool allowErrors)
    {
        var protocol = new ProtocolWriter(Console.OpenStandardOutput());
        var notebook = NotebookReader.Read(notebookPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;

        // Deterministic defaults: the notebook's folder as working directory, invariant culture.
        Directory.SetCurrentDirectory(folder);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Thread.CurrentThread.Name ??= "Main";

        var session = new CSharpSession(new SessionOptions { BaseDirectory = folder, Optimize = optimize, OwnsProcessConsole = true });
        protocol.Write(WorkerMessage.Hello(session.Optimized, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));

        var defaultKernel = notebook.DefaultKernelName;
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (!CellPolicy.IsRunnable(cell) || CellPolicy.ShouldSkip(cell)) continue;

            protocol.Write(WorkerMessage.CellStart(index));
            var sink = new ProtocolSink(protocol, index);
            var clock = Stopwatch.StartNew();
            var kernel = KernelNames.Normalize(cell.KernelName ?? defaultKernel);
            CellOutcome outcome;
            if (kernel != KernelNames.CSharp)
            {
                var message = $"cell kernel '{kernel}' is not supported: nbrun runs C# cells only ({CellDirectiveParser.SupportedSummary})";
                var error = new ErrorEvent("UnsupportedKernel", message, [message], CellErrorKind.Directive);
                sink.Publish(error);
                outcome = new CellOutcome(0, error, clock.Elapsed);
            }
            else
            {
                // Blocking on purpose: every cell starts on the "Main" thread, even after a cell that awaited
                // (whose continuation ran on the pool); awaiting here would move all later cells to the pool.
                outcome = session.ExecuteAsync(cell.Source, sink).GetAwaiter().GetResult();
            }

            var allowed = outcome.Succeeded || CellPolicy.MayRaise(cell, allowErrors);
            var status = outcome.Succeeded ? "ok" : allowed ? "allowed-error" : "error";
            protocol.Write(WorkerMessage.CellEnd(index, outcome.ExecutionCount, status, clock.Elapsed.TotalMilliseconds));
            if (!allowed) break;
        }

        protocol.Write(WorkerMessage.Done());
        return 0;
    }

    private sealed class ProtocolSink(ProtocolWriter protocol, int index) : ICellEventSink
    {
        public void Publish(CellEvent cellEvent) => protocol.Write(WorkerMessage.Event(index, cellEvent));
    }

    /// <summary>Writes whole lines to the real stdout, flushed at once so nothing is lost if the process dies.</summary>
    private sealed class ProtocolWriter(Stream stdout)
    {
        private readonly StreamWriter _writer = new(stdout, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        private readonly Lock _gate = new();

        public void Write(string line)
        {
            lock (_gate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }
    }
}
