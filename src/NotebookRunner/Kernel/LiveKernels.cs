using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace NotebookRunner.Kernel;

/// <summary>
/// Every kernel process nbrun has started and not yet killed. The kernel does not exit when its stdin closes,
/// so anything that ends nbrun (normal exit, an exception, Ctrl+C, SIGTERM, SIGHUP) kills what is left here.
/// </summary>
internal static class LiveKernels
{
    private static readonly ConcurrentDictionary<KernelProcess, byte> Processes = new();
    private static readonly List<PosixSignalRegistration> Signals = [];

    static LiveKernels()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
        {
            // Kill the kernels, then let the runtime's default handling end the process as it would have.
            Signals.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
        }
    }

    public static int Count => Processes.Count;

    public static void Add(KernelProcess process) => Processes.TryAdd(process, 0);

    public static void Remove(KernelProcess process) => Processes.TryRemove(process, out _);

    public static void KillAll()
    {
        foreach (var process in Processes.Keys) process.Kill();
    }
}
